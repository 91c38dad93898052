using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>
/// README's walkthrough is samples/AfterSales.Host/walkthrough.http: every request of it succeeds on
/// the demo host, twice in a row on the same database, and the work order ends closed.
/// </summary>
public sealed class WalkthroughTests
{
    [Fact]
    public async Task WalkthroughFile_RunsTwiceInARow_ToAClosedWorkOrder()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "walkthrough.http");
        var text = await File.ReadAllTextAsync(file);
        using var factory = new ServiceFactory(settings: new Dictionary<string, string?> { ["AfterSales:Demo"] = "true" }) { RealClock = true };
        using var client = factory.CreateClient();
        var host = client.BaseAddress!.ToString().TrimEnd('/');

        for (var run = 1; run <= 2; run++)
        {
            var exchanges = await HttpFileRunner.RunAsync(client, text, new Dictionary<string, string> { ["host"] = host });

            Assert.Equal(13, exchanges.Count);
            Assert.All(exchanges, e => Assert.True(e.Status is >= 200 and < 300, $"run {run}, {e.Title}: {e.Method} {e.Url} → {e.Status} {e.Body}"));
            Assert.Contains("\"state\":\"Closed\"", exchanges[^1].Body, StringComparison.Ordinal);
        }
    }
}
