using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>Calendars as versioned data over HTTP: the documents, the year PUT, the business-time calculator.</summary>
public sealed class CalendarEndpointTests
{
    /// <summary>Test data shaped like a State Council notice, NOT the real 2027 arrangement (which is not published here).</summary>
    internal const string Year2027 = """
        {
          "source": "test data, not a State Council notice",
          "holidays": [ { "date": "2027-01-01", "name": "元旦", "nameEn": "New Year's Day" } ],
          "extraWorkingDays": [ { "date": "2027-01-09", "name": "元旦", "hours": [ { "start": "09:00", "end": "18:00" } ] } ]
        }
        """;

    [Fact]
    public Task Calendars_OnSqlite_ListReadLoadAYearAndRoundTrip() => Calendars(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Calendars_OnPostgreSql_ListReadLoadAYearAndRoundTrip() => Calendars(TestDatabase.PostgreSql);

    private static async Task Calendars(TestDatabase database)
    {
        using var factory = new ServiceFactory(database);
        using var client = factory.ClientFor("acme");
        using var other = factory.ClientFor("globex");

        var list = await (await client.GetAsync("/after-sales/calendars")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["24x7-beijing@1", "cn-statutory-9-18@1", "mon-fri-9-18-beijing@1"], list.AsArray().Select(static c => (string)c!["key"]!));

        var read = await client.GetAsync("/after-sales/calendars/cn-statutory-9-18");
        var document = await read.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("\"1\"", read.Headers.ETag!.Tag);
        Assert.Equal(8, document["years"]!.AsArray().Count);

        var loaded = await Put(client, "/after-sales/calendars/cn-statutory-9-18/years/2027", Year2027, ifMatch: 1);
        var saved = await loaded.JsonAsync(HttpStatusCode.OK);
        Assert.Equal("\"2\"", loaded.Headers.ETag!.Tag);
        Assert.Equal(2, (int)saved["version"]!);
        Assert.Equal(2027, (int)saved["years"]!.AsArray()[^1]!["year"]!);
        Assert.Contains("/after-sales/calendars/cn-statutory-9-18/versions/2/adoption", string.Join(",", loaded.Headers.GetValues("Link")), StringComparison.Ordinal);

        // The tenant sees version 2, the old version stays readable, another tenant keeps the shared version 1.
        Assert.Equal(2, (int)(await (await client.GetAsync("/after-sales/calendars/cn-statutory-9-18")).JsonAsync(HttpStatusCode.OK))["version"]!);
        Assert.Equal(8, (await (await client.GetAsync("/after-sales/calendars/cn-statutory-9-18?version=1")).JsonAsync(HttpStatusCode.OK))["years"]!.AsArray().Count);
        Assert.Equal(1, (int)(await (await other.GetAsync("/after-sales/calendars/cn-statutory-9-18")).JsonAsync(HttpStatusCode.OK))["version"]!);

        // What GET returns, PUT accepts unchanged: the next version.
        var again = await Put(client, "/after-sales/calendars/cn-statutory-9-18", saved.ToJsonString(), ifMatch: 2);
        Assert.Equal(3, (int)(await again.JsonAsync(HttpStatusCode.OK))["version"]!);

        // A stale If-Match changes nothing.
        var stale = await Put(client, "/after-sales/calendars/cn-statutory-9-18/years/2028", """{ "holidays": [] }""", ifMatch: 2);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(3, (int)(await (await client.GetAsync("/after-sales/calendars/cn-statutory-9-18")).JsonAsync(HttpStatusCode.OK))["version"]!);
    }

    [Fact]
    public async Task PutCalendar_InvalidDocument_Is400WithEveryErrorByJsonPath_AndSavesNothing()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        var body = """
            {
              "id": "site", "name": "site hours", "zone": "Mars/Olympus",
              "weeklyHours": { "monday": [ { "start": "09:00", "end": "12:00" }, { "start": "11:00", "end": "18:00" } ], "tuesday": [ { "start": "18:00", "end": "09:00" } ] },
              "years": [ { "year": 2027, "holidays": [ { "date": "2026-12-31", "name": "元旦" }, { "date": "2027-01-04", "name": "x" } ],
                           "extraWorkingDays": [ { "date": "2027-01-04", "name": "x", "hours": [ { "start": "09:00", "end": "18:00" } ] } ] } ]
            }
            """;

        var problem = await (await Put(client, "/after-sales/calendars/site", body)).JsonAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject().Select(static e => e.Key).ToArray();
        Assert.Contains("$.zone", errors);
        Assert.Contains("$.weeklyHours.monday[1]", errors);
        Assert.Contains("$.weeklyHours.tuesday[0]", errors);
        Assert.Contains("$.years[0].holidays[0].date", errors);
        Assert.Contains("$.years[0].extraWorkingDays[0].date", errors);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/after-sales/calendars/site")).StatusCode);
    }

    [Fact]
    public async Task PutCalendar_SchemaErrorsAndAnIdOtherThanTheAddress_Are400ByJsonPath()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");

        var schema = await (await Put(client, "/after-sales/calendars/site", """{ "id": "site", "zone": "Asia/Shanghai", "weeklyHours": { "monday": [ { "start": "9am", "end": "18:00" } ] } }""")).JsonAsync(HttpStatusCode.BadRequest);
        var mismatch = await (await Put(client, "/after-sales/calendars/site", """{ "id": "other", "name": "n", "zone": "Asia/Shanghai", "weeklyHours": { "monday": [ { "start": "09:00", "end": "18:00" } ] } }""")).JsonAsync(HttpStatusCode.BadRequest);
        var year = await (await Put(client, "/after-sales/calendars/cn-statutory-9-18/years/2100", """{ }""")).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Contains("$.weeklyHours.monday[0].start", schema["errors"]!.AsObject().Select(static e => e.Key));
        Assert.Contains("$", schema["errors"]!.AsObject().Select(static e => e.Key));
        Assert.Contains("$.id", mismatch["errors"]!.AsObject().Select(static e => e.Key));
        Assert.Contains("year", year["errors"]!.AsObject().Select(static e => e.Key));
    }

    [Fact]
    public async Task BusinessTime_LunchBreak_KeepsEveryRangeOfTheDay()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();

        // Monday 09:00–12:00 and 13:00–18:00 UTC: 09:00 + 1 h is 10:00, not 14:00 (the second range used to replace the first).
        var due = await (await client.PostAsync("/after-sales/business-time", Api.Json(
            """{"definition":{"zone":"Etc/UTC","weeklyHours":[{"day":"Monday","start":"09:00","end":"12:00"},{"day":"Monday","start":"13:00","end":"18:00"}]},"start":"2026-03-02T09:00:00Z","businessTime":"PT4H"}"""))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("2026-03-02T14:00:00Z", (string)due["due"]!);
        Assert.False((bool)due["provisional"]!);
    }

    [Fact]
    public async Task BusinessTime_OverlappingRanges_Is400AtTheLaterEntry()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();

        var problem = await (await client.PostAsync("/after-sales/business-time", Api.Json(
            """{"definition":{"zone":"Etc/UTC","weeklyHours":[{"day":"Monday","start":"09:00","end":"12:00"},{"day":"Tuesday","start":"09:00","end":"12:00"},{"day":"Monday","start":"11:00","end":"18:00"}]},"start":"2026-03-02T09:00:00Z","businessTime":"PT1H"}"""))).JsonAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["definition.weeklyHours[2]"], problem["errors"]!.AsObject().Select(static e => e.Key));
        Assert.Contains("overlaps", (string)problem["errors"]!["definition.weeklyHours[2]"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusinessTime_IntoAYearWithoutData_Is200Provisional_UntilTheTenantLoadsTheYear()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        const string Body = """{"calendar":"cn-statutory-9-18","start":"2026-12-31T09:00:00Z","businessTime":"PT11H"}""";

        var before = await (await client.PostAsync("/after-sales/business-time", Api.Json(Body))).JsonAsync(HttpStatusCode.OK);
        await (await Put(client, "/after-sales/calendars/cn-statutory-9-18/years/2027", Year2027)).JsonAsync(HttpStatusCode.OK);
        var after = await (await client.PostAsync("/after-sales/business-time", Api.Json(Body))).JsonAsync(HttpStatusCode.OK);

        Assert.True((bool)before["provisional"]!);
        Assert.Contains("2027: no holiday data loaded for cn-statutory-9-18; counted as plain weekdays — provisional.", before["explanation"]!.AsArray().Select(static l => (string)l!));
        Assert.Equal("2027-01-04T02:00:00Z", (string)before["due"]!); // Fri 1 Jan counted as a plain weekday
        Assert.False((bool)after["provisional"]!);
        Assert.Equal("cn-statutory-9-18@2", (string)after["calendarKey"]!);
        Assert.Equal("2027-01-05T02:00:00Z", (string)after["due"]!); // 1 Jan is a holiday now
    }

    internal static async Task<HttpResponseMessage> Put(HttpClient client, string path, string body, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = Api.Json(body) };
        if (ifMatch is { } v)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        }

        return await client.SendAsync(request);
    }
}
