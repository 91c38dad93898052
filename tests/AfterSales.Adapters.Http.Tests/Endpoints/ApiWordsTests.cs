using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>
/// Hostile and careless inputs of issue 16 answered in the API's words: fields as the JSON spells them,
/// no .NET type or parameter names; weak ETags refused; limits on bodies and request rates; client
/// errors logged as one Information line.
/// </summary>
public sealed class ApiWordsTests : IDisposable
{
    private static readonly string[] DotNetWords = ["AfterSales.", "System.", "JSON deserialization", "(Parameter", "Actual value was", "Int32"];

    private readonly CapturingLoggerProvider logs = new();
    private readonly ServiceFactory factory;
    private readonly HttpClient client;

    public ApiWordsTests()
    {
        factory = new ServiceFactory(services: s => s.AddSingleton<ILoggerProvider>(logs));
        client = factory.ClientFor("acme");
    }

    public void Dispose()
    {
        client.Dispose();
        factory.Dispose();
    }

    [Fact]
    public async Task MissingRequiredField_IsNamedAsTheJsonSpellsIt()
    {
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        var problem = await Refused(await client.CommandAsync("WO-1", "dispatch", "{}"), HttpStatusCode.BadRequest);
        Assert.Equal("engineer is required.", (string)problem["errors"]!["engineer"]![0]!);

        var nested = await Refused(await client.PostAsync("/after-sales/tickets", Api.Json(Api.ReportBody("WO-2").Replace(",\"contact\":\"13800000000\"", string.Empty, StringComparison.Ordinal))), HttpStatusCode.BadRequest);
        Assert.Equal("reporter.contact is required.", (string)nested["errors"]!["reporter.contact"]![0]!);
    }

    [Theory]
    [InlineData("\"5\"")]
    [InlineData("99999999999")]
    [InlineData("1.5")]
    public async Task NumberThatIsNotAnInteger_SaysSo_WithoutATypeName(string satisfaction)
    {
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        var problem = await Refused(await client.CommandAsync("WO-1", "sign-off", $$"""{"signer":"x","satisfaction":{{satisfaction}}}"""), HttpStatusCode.BadRequest);
        Assert.Equal("satisfaction must be a whole number.", (string)problem["errors"]!["satisfaction"]![0]!);
    }

    [Fact]
    public async Task DomainArgumentError_IsKeyedByTheField_WithoutTheParameterSuffix()
    {
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        foreach (var command in new[] { "acknowledge", "start-remote-diagnosis" })
        {
            (await client.CommandAsync("WO-1", command)).EnsureSuccessStatusCode();
        }

        var problem = await Refused(await client.CommandAsync("WO-1", "sign-off", """{"signer":"x","satisfaction":9}"""), HttpStatusCode.BadRequest, HttpStatusCode.Conflict);
        if (problem["errors"] is { } errors)
        {
            Assert.NotNull(errors["satisfaction"]);
        }
    }

    [Theory]
    [InlineData("9999-12-31T00:00:00Z")]
    [InlineData("1800-01-01T00:00:00Z")]
    [InlineData("yesterday")]
    public async Task ClocksAt_OutOfRangeOrMalformed_IsReportedUnderAt(string at)
    {
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        var problem = await Refused(await client.GetAsync("/after-sales/tickets/WO-1/clocks?at=" + Uri.EscapeDataString(at)), HttpStatusCode.BadRequest);
        Assert.Equal(["at"], problem["errors"]!.AsObject().Select(static e => e.Key));
    }

    [Theory]
    [InlineData("abc", "1", "year")]
    [InlineData("99999999999", "1", "year")]
    [InlineData("2026", "5", "quarter")]
    public async Task ReportRoute_BadYearOrQuarter_Is400ForThatField(string year, string quarter, string field)
    {
        var problem = await Refused(await client.GetAsync($"/after-sales/reports/quarterly/{year}/{quarter}"), HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
    }

    [Fact]
    public async Task IfMatch_IsComparedStrongly_WeakTagsNeverMatch()
    {
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();

        var weak = await Refused(await Command("W/\"1\""), HttpStatusCode.PreconditionFailed);
        Assert.StartsWith("If-Match names no strong entity tag", (string)weak["detail"]!, StringComparison.Ordinal);
        Assert.Contains("The stored version is 1", (string)weak["detail"]!, StringComparison.Ordinal);
        var several = await Refused(await Command("\"3\", \"2\""), HttpStatusCode.PreconditionFailed);
        Assert.StartsWith("If-Match names versions 2, 3. The stored version is 1", (string)several["detail"]!, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Command("\"2\"")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Command("not-an-etag")).StatusCode);
        var listed = await Command("\"7\", W/\"1\", \"1\"");
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal("\"2\"", listed.Headers.ETag!.ToString());

        async Task<HttpResponseMessage> Command(string ifMatch)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/after-sales/tickets/WO-1/acknowledge");
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            return await client.SendAsync(request);
        }
    }

    [Fact]
    public async Task DeclaredBodyAboveTheLimit_Is413_EvenWhereTheCommandTakesNoBody()
    {
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        using var content = new ByteArrayContent(new byte[70 * 1024]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var problem = await Refused(await client.PostAsync("/after-sales/tickets/WO-1/acknowledge", content), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(413, (int)problem["status"]!);
    }

    [Fact]
    public async Task ClientErrors_AreLoggedAtInformation_WithoutAStackTrace()
    {
        await client.GetAsync("/after-sales/tickets/nope");
        await client.CommandAsync("nope", "dispatch", "{}");

        var refusals = logs.Entries.Where(static e => e.Category.EndsWith("ProblemMappingFilter", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(refusals);
        Assert.All(refusals, static e => Assert.Equal(LogLevel.Information, e.Level));
        Assert.All(refusals, static e => Assert.Null(e.Exception));
        Assert.DoesNotContain(logs.Entries, static e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task RequestsOverTheClientLimit_Get429_WithRetryAfter()
    {
        using var limited = new ServiceFactory(settings: new Dictionary<string, string?>
        {
            ["AfterSales:Http:ClientRequestLimit"] = "3",
            ["AfterSales:Http:TenantRequestLimit"] = "100",
            ["AfterSales:Http:RateLimitWindow"] = "00:10:00",
        });
        using var tenant = limited.ClientFor("acme");
        for (var i = 0; i < 3; i++)
        {
            (await tenant.GetAsync("/after-sales/tickets")).EnsureSuccessStatusCode();
        }

        var refused = await tenant.GetAsync("/after-sales/tickets");
        var problem = await Refused(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal(429, (int)problem["status"]!);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task RequestsOverTheTenantLimit_Get429_OtherTenantsDoNot()
    {
        using var limited = new ServiceFactory(settings: new Dictionary<string, string?>
        {
            ["AfterSales:Http:TenantRequestLimit"] = "2",
            ["AfterSales:Http:RateLimitWindow"] = "00:10:00",
        });
        using var acme = limited.ClientFor("acme");
        using var globex = limited.ClientFor("globex");
        (await acme.GetAsync("/after-sales/tickets")).EnsureSuccessStatusCode();
        (await acme.GetAsync("/after-sales/tickets")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.TooManyRequests, (await acme.GetAsync("/after-sales/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await globex.GetAsync("/after-sales/tickets")).StatusCode);
    }

    private static async Task<JsonNode> Refused(HttpResponseMessage response, params HttpStatusCode[] expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected.Contains(response.StatusCode), $"Expected {string.Join(" or ", expected)}, got {(int)response.StatusCode}: {text}");
        foreach (var word in DotNetWords)
        {
            Assert.DoesNotContain(word, text, StringComparison.Ordinal);
        }

        return JsonNode.Parse(text)!;
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public ConcurrentQueue<(string Category, LogLevel Level, Exception? Exception)> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, Exception?)> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue((category, logLevel, exception));
        }
    }
}
