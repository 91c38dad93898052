using System.Net;
using System.Text;
using AfterSales.Http.Tests.Support;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Tests.Endpoints;

public sealed class ErrorMappingTests
{
    [Fact]
    public async Task Errors_MapToProblemDetails_WithStatusAndFields()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");

        var unknown = await (await client.GetAsync("/after-sales/tickets/nope")).JsonAsync(HttpStatusCode.NotFound);
        Assert.Equal(404, (int)unknown["status"]!);

        var invalid = await (await client.PostAsync("/after-sales/tickets", Api.Json(Api.ReportBody(severity: "Z")))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(invalid["errors"]!["severityCode"]);

        var missing = await (await client.PostAsync("/after-sales/tickets", Api.Json("""{"channel":"Phone"}"""))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["reporter", "site", "deviceSerialNumber", "symptom", "severityCode"], missing["errors"]!.AsObject().Select(static e => e.Key));
        Assert.Equal("reporter is required.", (string)missing["errors"]!["reporter"]![0]!);

        var blank = Api.ReportBody().Replace("\"SN-0001\"", "\"  \"", StringComparison.Ordinal);
        var blankProblem = await (await client.PostAsync("/after-sales/tickets", Api.Json(blank))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(blankProblem["errors"]!["deviceSerialNumber"]);

        var malformed = await (await client.PostAsync("/after-sales/tickets", Api.Json("{\"reporter\":"))).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal(400, (int)malformed["status"]!);

        var wrongType = await client.PostAsync("/after-sales/tickets", new StringContent(Api.ReportBody(), Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);

        var huge = await client.PostAsync("/after-sales/tickets", Api.Json(Api.ReportBody().Replace("Storage array down", new string('x', 70_000), StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        var duplicate = await client.ReportAsync("WO-1");
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);

        var refused = await (await client.CommandAsync("WO-1", "close")).JsonAsync(HttpStatusCode.Conflict);
        Assert.Equal("Reported", (string)refused["state"]!);
        Assert.Equal("close", (string)refused["command"]!);
        Assert.Empty(refused["unmetGuards"]!.AsArray());
        Assert.Contains(refused["permittedCommands"]!.AsArray(), t => (string)t! == "acknowledge");
        Assert.StartsWith("'close' is not permitted while the ticket is Reported. Permitted commands: acknowledge, ", (string)refused["detail"]!, StringComparison.Ordinal);
        Assert.Null(refused["trigger"]);
        Assert.Null(refused["permittedTriggers"]);

        var blankEngineer = await (await client.CommandAsync("WO-1", "dispatch", """{"engineer":" "}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(blankEngineer["errors"]!["engineer"]);

        (await client.CommandAsync("WO-1", "acknowledge")).EnsureSuccessStatusCode();
        var reclassify = await (await client.CommandAsync("WO-1", "reclassify", """{"severityCode":"Q","reason":"worse"}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(reclassify["errors"]!["severityCode"]);

        var badAt = await (await client.GetAsync("/after-sales/tickets/WO-1/clocks?at=tomorrow")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(badAt["errors"]!["at"]);

        Assert.DoesNotContain("   at ", unknown.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnexpectedError_500WithoutDetails_UnlessOptedIn()
    {
        foreach (var optIn in new[] { false, true })
        {
            using var factory = new ServiceFactory(
                services: s => s.AddSingleton<ITicketStore, ThrowingStore>(),
                settings: new Dictionary<string, string?> { ["AfterSales:Http:IncludeExceptionDetails"] = optIn.ToString() });
            using var client = factory.ClientFor("acme");
            var response = await client.GetAsync("/after-sales/tickets/WO-1");
            var text = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal(optIn, text.Contains("stackTrace", StringComparison.Ordinal));
            Assert.Equal(optIn, text.Contains("boom", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Options_Invalid_FailAtStartNamingTheOption()
    {
        using var factory = new ServiceFactory(settings: new Dictionary<string, string?> { ["AfterSales:Http:MaxPageSize"] = "0" });
        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        var validation = ex as OptionsValidationException ?? Assert.IsType<OptionsValidationException>(ex.InnerException ?? ex, exactMatch: false);
        Assert.Contains("MaxPageSize must be 1 to 1000, was 0.", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapAfterSales_WithoutAddAfterSales_FailsFast()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var app = builder.Build();
        var ex = Assert.Throws<InvalidOperationException>(() => app.MapAfterSales());
        Assert.Contains("AddAfterSales", ex.Message, StringComparison.Ordinal);
    }

    private sealed class ThrowingStore : ITicketStore
    {
        public Task<Ticket?> LoadAsync(string tenantId, TicketId id, CancellationToken cancellationToken = default) => throw new InvalidOperationException("boom");

        public Task SaveAsync(Ticket ticket, int expectedVersion, CancellationToken cancellationToken = default) => throw new InvalidOperationException("boom");

        public Task<IReadOnlyList<TicketSummary>> ListDueBeforeAsync(string tenantId, Instant before, CancellationToken cancellationToken = default) => throw new InvalidOperationException("boom");

        public Task<IReadOnlyList<TicketSummary>> ListAsync(string tenantId, TicketQuery query, CancellationToken cancellationToken = default) => throw new InvalidOperationException("boom");

        public Task<IReadOnlyList<Ticket>> ListOpenAsync(string tenantId, string? afterId, int limit, CancellationToken cancellationToken = default) => throw new InvalidOperationException("boom");

        public Task<IReadOnlyList<TicketId>> SaveAllAsync(IReadOnlyList<(Ticket Ticket, int ExpectedVersion)> batch, CancellationToken cancellationToken = default) => throw new InvalidOperationException("boom");
    }
}

public sealed class CommandCoverageTests
{
    [Fact]
    public void EveryTicketTrigger_HasACommandRoute()
    {
        var routed = AfterSales.Http.Endpoints.TicketCommands.All.Select(static c => c.Trigger).ToHashSet();
        Assert.All(Enum.GetValues<TicketTrigger>(), t => Assert.Contains(t, routed));
    }

    [Fact]
    public async Task QuoteAndParts_OnAnOpenTicket_RecordedAsEvents()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        (await client.PutAsync("/after-sales/price-lists/CT-1", Api.Json("""{"parts":[{"partNumber":"P-2","maxUnitPrice":250}]}"""))).EnsureSuccessStatusCode();
        (await client.CommandAsync("WO-1", "submit-quote", """{"id":"Q-1","priceListId":"CT-1","lines":[{"kind":"Part","partNumber":"P-2"}]}""")).EnsureSuccessStatusCode();
        (await client.CommandAsync("WO-1", "accept-quote", """{"quoteId":"Q-1","acceptedBy":"赵经理"}""")).EnsureSuccessStatusCode();
        var blank = await (await client.CommandAsync("WO-1", "replace-parts", """{"oldPartNumber":" ","newPartNumber":"P-2","signedBy":"赵"}""")).JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(blank["errors"]!["oldPartNumber"]);
        var ticket = await (await client.CommandAsync("WO-1", "replace-parts", """{"oldPartNumber":"P-1","newPartNumber":"P-2","signedBy":"赵"}""")).JsonAsync(HttpStatusCode.OK);
        var events = ticket["events"]!.AsArray();
        Assert.Equal(("Q-1", 250m), ((string)events[1]!["quote"]!["id"]!, (decimal)events[1]!["quote"]!["total"]!));
        Assert.Equal("P-2", (string)events[3]!["partsExchange"]!["newPartNumber"]!);
    }
}
