using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>Accept-Language picks the language of clock and business-time explanations and of the report (issue 12 §4).</summary>
public sealed class ExplanationLanguageEndpointTests
{
    [Fact]
    public async Task Clocks_AcceptLanguage_ChineseEnglishOrThePolicysDefault()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient(); // without the tests' default Accept-Language
        client.DefaultRequestHeaders.Add("X-Tenant-Id", "acme");
        await (await client.ReportAsync("WO-1", "A")).JsonAsync(HttpStatusCode.Created);

        var en = await Clocks(client, "en-US,en;q=0.8");
        var zh = await Clocks(client, "zh-CN,zh;q=0.9,en;q=0.5");
        var preferred = await Clocks(client, "fr, en;q=0.2, zh;q=0.9");
        var none = await Clocks(client, null);

        Assert.Equal("en", en.Language);
        Assert.StartsWith("started ", First(en.Body, "first-response", 1), StringComparison.Ordinal);
        Assert.Equal("zh-CN", zh.Language);
        Assert.StartsWith("自报障 ", First(zh.Body, "first-response", 1), StringComparison.Ordinal);
        Assert.Equal("zh-CN", preferred.Language);
        Assert.Equal("zh-CN", none.Language); // the China preset's own default
        Assert.Equal(First(zh.Body, "first-response", 1), First(none.Body, "first-response", 1));
    }

    [Fact]
    public async Task BusinessTime_AcceptLanguageChinese_ExplainsInChinese()
    {
        using var factory = new ServiceFactory();
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/after-sales/business-time")
        {
            Content = Api.Json("""{ "calendar": "cn-statutory-9-18", "start": "2026-09-30T09:00:00Z", "businessTime": "PT2H" }"""),
        };
        request.Headers.AcceptLanguage.ParseAdd("zh-CN");

        var response = await client.SendAsync(request);
        var body = await response.JsonAsync(HttpStatusCode.OK);

        Assert.Equal("zh-CN", Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Contains(body["explanation"]!.AsArray(), l => ((string)l!).StartsWith("2026-10-01 Thu 至 2026-10-07 Wed:节假日(国庆节),跳过。", StringComparison.Ordinal));
    }

    private static async Task<(string Language, JsonNode Body)> Clocks(HttpClient client, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/after-sales/tickets/WO-1/clocks");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        var response = await client.SendAsync(request);
        var body = await response.JsonAsync(HttpStatusCode.OK);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        return (Assert.Single(response.Content.Headers.ContentLanguage), body);
    }

    private static string First(JsonNode clocks, string metric, int line) => (string)Api.Clock(clocks, metric)["explanation"]![line]!;
}
