using System.Net;
using AfterSales.Http.Health;
using AfterSales.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>/health on the sample host: Degraded from the lead time before a year a calendar in use has no data for.</summary>
public sealed class HealthTests
{
    [Fact]
    public async Task Health_On20261130_IsDegraded_NamingCnStatutory918And2027()
    {
        using var factory = new ServiceFactory();
        factory.Clock.Reset(Instant.FromUtc(2026, 11, 30, 2, 0));
        using var client = factory.CreateClient();

        var health = await (await client.GetAsync("/health")).JsonAsync(HttpStatusCode.OK);
        var missing = factory.Services.GetRequiredService<CalendarCoverageHealthCheck>().MissingYears();

        Assert.Equal("Degraded", (string)health["status"]!);
        Assert.Equal("Degraded", (string)health["checks"]!["aftersales-calendars"]!["status"]!);
        Assert.Contains("cn-statutory-9-18@1 has no holiday data for 2027", (string)health["checks"]!["aftersales-calendars"]!["description"]!, StringComparison.Ordinal);
        var (key, year, message) = Assert.Single(missing);
        Assert.Equal(("cn-statutory-9-18@1", 2027), (key, year));
        Assert.Contains("begins in 32 days", message, StringComparison.Ordinal);
        Assert.Contains("PUT /calendars/cn-statutory-9-18/years/2027", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_BeforeTheLeadTime_IsHealthy()
    {
        using var factory = new ServiceFactory();
        factory.Clock.Reset(Instant.FromUtc(2026, 11, 1, 2, 0));
        using var client = factory.CreateClient();

        Assert.Equal("Healthy", await Status(client));
    }

    [Fact]
    public async Task Health_LeadTimeIsConfigurable()
    {
        using var factory = new ServiceFactory(settings: new Dictionary<string, string?> { ["AfterSales:CalendarCoverage:LeadTime"] = "10.00:00:00" });
        factory.Clock.Reset(Instant.FromUtc(2026, 11, 30, 2, 0));
        using var client = factory.CreateClient();

        Assert.Equal("Healthy", await Status(client));
        factory.Clock.Reset(Instant.FromUtc(2026, 12, 25, 2, 0));
        Assert.Equal("Degraded", await Status(client));
    }

    private static async Task<string> Status(HttpClient client) =>
        (string)(await (await client.GetAsync("/health")).JsonAsync(HttpStatusCode.OK))["checks"]!["aftersales-calendars"]!["status"]!;
}
