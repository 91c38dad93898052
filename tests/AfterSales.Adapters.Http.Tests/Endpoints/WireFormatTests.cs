using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>
/// NodaTime values over HTTP: the forms the API reads, and the 400 a value that does not parse gets,
/// keyed by the JSON field and saying what the field must be, never which .NET type failed.
/// </summary>
public sealed class WireFormatTests : IDisposable
{
    private readonly ServiceFactory factory = new();
    private readonly HttpClient client;

    public WireFormatTests() => client = factory.CreateClient();

    public void Dispose()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Theory]
    [InlineData("09:00", "18:00")]
    [InlineData("09:00:00", "18:00:00")]
    [InlineData("09:00", "18:00:00")]
    public async Task BusinessTime_WorkingHoursAsHHmmOrHHmmss_GiveTheSameDue(string opens, string closes)
    {
        // Friday 17:00 UTC + 2 business hours on Monday–Friday 9–18 UTC → Monday 10:00.
        var due = await PostBusinessTime(Definition($$"""{"day":"Monday","start":"{{opens}}","end":"{{closes}}"},{"day":"Friday","start":"{{opens}}","end":"{{closes}}"}"""), "2026-03-06T17:00:00Z", "PT2H");

        Assert.Equal("2026-03-09T10:00:00Z", (string)due["due"]!);
    }

    [Theory]
    [InlineData("00:00")]
    [InlineData("00:00:00")]
    public async Task BusinessTime_ClosingAtMidnight_MeansTheEndOfTheDay(string closes)
    {
        // Monday 22:00–24:00 only: 2 h 30 min from Monday 22:00 is 2 h this week and 30 min the next.
        var due = await PostBusinessTime(Definition($$"""{"day":"Monday","start":"22:00","end":"{{closes}}"}"""), "2026-03-02T22:00:00Z", "PT2H30M");

        Assert.Equal("2026-03-09T22:30:00Z", (string)due["due"]!);
        Assert.Contains(due["explanation"]!.AsArray(), l => (string)l! == "2026-03-02 Mon: counts 2 h.");
    }

    [Theory]
    [InlineData("PT2H10M", "2026-03-02T04:10:00Z")]
    [InlineData("P1DT2H", "2026-03-03T04:00:00Z")]
    [InlineData("PT0.5S", "2026-03-02T02:00:00.5Z")]
    public async Task BusinessTime_ReadsIsoDurations_AndExplainsInTheWrittenForm(string amount, string expected)
    {
        var due = await PostBusinessTime("\"calendar\":\"24x7-beijing\"", "2026-03-02T10:00:00+08:00", amount);

        Assert.Equal(expected, (string)due["due"]!);
        Assert.Equal("2026-03-02T02:00:00Z", (string)due["start"]!);
        Assert.StartsWith("Adding PT", (string)due["explanation"]![0]!, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadValues() => new()
    {
        { """{"calendar":"24x7-beijing","start":"2026-03-02T00:00:00Z","businessTime":"P1M"}""", "businessTime", "PT2H10M" },
        { """{"calendar":"24x7-beijing","start":"2026-03-02T00:00:00Z","businessTime":"PT-30M"}""", "businessTime", "PT2H10M" },
        { """{"calendar":"24x7-beijing","start":"2026-03-02T00:00:00Z","businessTime":"2:10:00"}""", "businessTime", "PT2H10M" },
        { """{"calendar":"24x7-beijing","start":"2026-03-02T00:00:00Z","businessTime":7800}""", "businessTime", "PT2H10M" },
        { """{"calendar":"24x7-beijing","start":"tomorrow","businessTime":"PT1H"}""", "start", "2026-03-02T02:00:00Z" },
        { """{"calendar":"24x7-beijing","start":null,"businessTime":"PT1H"}""", "start", "2026-03-02T02:00:00Z" },
        { """{"calendar":"24x7-beijing","start":"2026-03-02T00:00:00Z","workingDays":"two"}""", "workingDays", "a whole number" },
        { """{"definition":{"zone":"Mars/Olympus","weeklyHours":[{"day":"Monday","start":"09:00","end":"18:00"}]},"start":"2026-03-02T00:00:00Z","businessTime":"PT1H"}""", "definition.zone", "Asia/Shanghai" },
        { """{"definition":{"zone":"UTC","weeklyHours":[{"day":"Monday","start":"9am","end":"18:00"}]},"start":"2026-03-02T00:00:00Z","businessTime":"PT1H"}""", "definition.weeklyHours[0].start", "HH:mm" },
        { """{"definition":{"zone":"UTC","weeklyHours":[{"day":"Monday","start":"09:00","end":"24:00"}]},"start":"2026-03-02T00:00:00Z","businessTime":"PT1H"}""", "definition.weeklyHours[0].end", "HH:mm" },
        { """{"definition":{"zone":"UTC","weeklyHours":[{"day":"Monday","start":"09:00","end":"18:00"}],"holidays":["2026-03-09","2026-02-30"]},"start":"2026-03-02T00:00:00Z","businessTime":"PT1H"}""", "definition.holidays[1]", "2026-03-02" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task BadValue_Is400_KeyedByTheJsonField_SayingWhatItMustBe(string body, string field, string expected)
    {
        var problem = await (await client.PostAsync("/after-sales/business-time", Api.Json(body))).JsonAsync(HttpStatusCode.BadRequest);

        var message = (string)problem["errors"]![field]![0]!;
        Assert.StartsWith(field + " must be ", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("NodaTime", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeInstant_Is400_WithoutEchoingTheValue()
    {
        var body = $$"""{"calendar":"24x7-beijing","start":"{{new string('9', 20_000)}}","businessTime":"PT1H"}""";

        var response = await client.PostAsync("/after-sales/business-time", Api.Json(body));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(text.Length < 1_000, text[..Math.Min(text.Length, 300)]);
    }

    [Fact]
    public async Task ClocksQuery_AcceptsAnInstantWithAnOffset()
    {
        using var tenant = factory.ClientFor("acme");
        (await tenant.ReportAsync("WO-1")).EnsureSuccessStatusCode();

        var utc = await (await tenant.GetAsync("/after-sales/tickets/WO-1/clocks?at=2026-03-02T03:00:00Z")).JsonAsync(HttpStatusCode.OK);
        var local = await (await tenant.GetAsync("/after-sales/tickets/WO-1/clocks?at=" + Uri.EscapeDataString("2026-03-02T11:00:00+08:00"))).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("2026-03-02T03:00:00Z", (string)local["at"]!);
        Assert.Equal(utc.ToJsonString(), local.ToJsonString());
    }

    private static string Definition(string weeklyHours) =>
        $$"""
        "definition":{"zone":"UTC","weeklyHours":[{{weeklyHours}}]}
        """;

    private async Task<JsonNode> PostBusinessTime(string calendar, string start, string amount) =>
        await (await client.PostAsync("/after-sales/business-time", Api.Json($$"""{{{calendar}},"start":"{{start}}","businessTime":"{{amount}}"}"""))).JsonAsync(HttpStatusCode.OK);
}
