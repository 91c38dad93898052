using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AfterSales.Http.Tests.Support;

/// <summary>Small helpers to talk JSON to the API.</summary>
public static class Api
{
    public const string Prefix = "/after-sales";

    public static string ReportBody(string? id = null, string severity = "A", string channel = "Phone", string site = "HQ") =>
        new JsonObject
        {
            ["id"] = id,
            ["reporter"] = new JsonObject { ["name"] = "李工", ["organization"] = "Bank of Test", ["contact"] = "13800000000" },
            ["channel"] = channel,
            ["site"] = new JsonObject { ["locality"] = "Local", ["name"] = site, ["address"] = "1 Test Road" },
            ["deviceSerialNumber"] = "SN-0001",
            ["symptom"] = "Storage array down",
            ["severityCode"] = severity,
        }.ToJsonString();

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<HttpResponseMessage> ReportAsync(this HttpClient client, string? id = null, string severity = "A", string site = "HQ")
    {
        var response = await client.PostAsync($"{Prefix}/tickets", Json(ReportBody(id, severity, site: site)));
        return response;
    }

    public static async Task<HttpResponseMessage> CommandAsync(this HttpClient client, string id, string command, string? body = null, int? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Prefix}/tickets/{Uri.EscapeDataString(id)}/{command}");
        if (body is not null)
        {
            request.Content = Json(body);
        }

        if (ifMatch is { } v)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    public static JsonNode Clock(JsonNode clocks, string metric) =>
        clocks["clocks"]!.AsArray().First(c => (string)c!["metric"]! == metric)!;

    public static string Text(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
