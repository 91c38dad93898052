using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.OpenApi;

/// <summary>The OpenAPI document says what travels, so generated clients work (issue 16 §4).</summary>
public sealed class OpenApiContractTests : IDisposable
{
    private readonly ServiceFactory factory = new();

    public void Dispose() => factory.Dispose();

    private async Task<JsonNode> DocumentAsync() =>
        await (await factory.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);

    [Fact]
    public async Task NodaTimeTypes_AreInlineStringsWithFormats_NullableOnesIncluded()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();
        foreach (var name in new[] { "Instant", "Duration", "LocalDate", "LocalTime", "YearMonth", "DateTimeZone" })
        {
            Assert.False(schemas.ContainsKey(name), name + " must be inline, not a component");
        }

        var clock = schemas["ClockResponse"]!["properties"]!;
        Assert.Equal("""["null","string"]""", clock["dueAt"]!["type"]!.ToJsonString());
        Assert.Equal("date-time", (string)clock["dueAt"]!["format"]!);
        Assert.Null(clock["dueAt"]!["oneOf"]);
        Assert.Equal("duration", (string)clock["remaining"]!["format"]!);
        var fault = schemas["ReportTicketRequest"]!["properties"]!["faultOccurredAt"]!;
        Assert.Equal("date-time", (string)fault["format"]!);
        var hours = schemas["WeeklyHours"]!["properties"]!["start"]!;
        Assert.Matches((string)hours["pattern"]!, "09:00");
        Assert.Matches((string)hours["pattern"]!, "09:00:00");
        Assert.Equal("Asia/Shanghai", (string)schemas["CalendarDefinition"]!["properties"]!["zone"]!["examples"]![0]!);
    }

    [Fact]
    public async Task Integers_AreIntegers_NeverStrings_AndNoAnonymousSchemas()
    {
        var document = await DocumentAsync();
        var text = document.ToJsonString();
        Assert.DoesNotContain("AnonymousType", text, StringComparison.Ordinal);
        Assert.DoesNotContain("^-?(?:0|[1-9]\\\\d*)$", text, StringComparison.Ordinal);
        foreach (var node in Descendants(document).OfType<JsonObject>().Where(static o => o["type"] is JsonArray))
        {
            var types = node["type"]!.AsArray().Select(static t => (string)t!).ToList();
            Assert.False(types.Contains("integer") && types.Contains("string"), node.ToJsonString());
        }

        var satisfaction = document["components"]!["schemas"]!["SignOffRequest"]!["properties"]!["satisfaction"]!;
        Assert.Equal("integer", (string)satisfaction["type"]!);
        Assert.Equal(1, (int)satisfaction["minimum"]!);
        Assert.Equal(5, (int)satisfaction["maximum"]!);
    }

    [Fact]
    public async Task EveryOperation_IsGroupedUnderOneOfTheApisTags_NotAClassOrAssemblyName()
    {
        string[] named = ["Reference", "Tickets", "Entitlements", "Quality", "Inspections", "People", "Events", "Calendars", "Spares", "Policies"];
        var paths = (await DocumentAsync())["paths"]!.AsObject();

        var untagged = paths
            .SelectMany(static p => p.Value!.AsObject().Where(static o => o.Value is JsonObject).Select(o => (Operation: o.Key.ToUpperInvariant() + " " + p.Key, Tags: o.Value!["tags"]?.AsArray().Select(static t => (string)t!).ToArray() ?? [])))
            .Where(o => o.Tags.Length != 1 || !named.Contains(o.Tags[0]))
            .Select(static o => $"{o.Operation}: [{string.Join(", ", o.Tags)}]")
            .ToList();

        Assert.Empty(untagged);
    }

    [Fact]
    public async Task FixedValueFields_AreEnums()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        Assert.Contains("Phone", Enum(schemas["ReportTicketRequest"]!["properties"]!["channel"]!));
        Assert.Contains("Travel", Enum(schemas["SiteContract"]!["properties"]!["locality"]!));
        Assert.Contains("Observation", Enum(schemas["TicketResponse"]!["properties"]!["state"]!));
        Assert.DoesNotContain("Active", Enum(schemas["TicketResponse"]!["properties"]!["state"]!));
        Assert.Contains("start-remote-diagnosis", Enum(schemas["TicketResponse"]!["properties"]!["permittedCommands"]!["items"]!));
        Assert.Contains("Breached", Enum(schemas["ClockResponse"]!["properties"]!["status"]!));
        Assert.DoesNotContain("None", Enum(schemas["WeeklyHours"]!["properties"]!["day"]!));
    }

    [Fact]
    public async Task Parameters_HeadersAndProblems_AreDescribed()
    {
        var paths = (await DocumentAsync())["paths"]!;
        var list = paths["/after-sales/tickets"]!["get"]!;
        var parameters = list["parameters"]!.AsArray().ToDictionary(static p => (string)p!["name"]!, static p => p!);
        Assert.Equal("header", (string)parameters["X-Tenant-Id"]!["in"]!);

        // Development trusts the header of requests without a token: optional, the token's claim wins.
        Assert.NotEqual(true, (bool?)parameters["X-Tenant-Id"]!["required"]);
        Assert.NotNull(list["security"]!.AsArray().Single()!["bearer"]);
        Assert.EndsWith("/ProblemDetails", (string)list["responses"]!["401"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!);
        Assert.EndsWith("/ProblemDetails", (string)list["responses"]!["403"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!);
        Assert.Equal("integer", (string)parameters["pageSize"]!["schema"]!["type"]!);
        Assert.Equal(200, (int)parameters["pageSize"]!["schema"]!["maximum"]!);
        Assert.Contains("Closed", Enum(parameters["state"]!["schema"]!));
        Assert.Equal("date-time", (string)parameters["dueBefore"]!["schema"]!["format"]!);

        var report = paths["/after-sales/tickets"]!["post"]!;
        Assert.Contains(report["parameters"]!.AsArray(), static p => (string)p!["name"]! == "Idempotency-Key");
        Assert.NotNull(report["responses"]!["201"]!["headers"]!["Location"]);
        Assert.NotNull(report["responses"]!["201"]!["headers"]!["ETag"]);
        Assert.EndsWith("/ValidationProblemDetails", (string)report["responses"]!["400"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!);
        Assert.NotNull(report["responses"]!["429"]!["headers"]!["Retry-After"]);

        var close = paths["/after-sales/tickets/{id}/close"]!["post"]!;
        Assert.Contains(close["parameters"]!.AsArray(), static p => (string)p!["name"]! == "If-Match");
        Assert.EndsWith("/ConflictProblemDetails", (string)close["responses"]!["409"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]!);
        Assert.NotNull(close["responses"]!["412"]);
        Assert.Contains(paths["/after-sales/tickets/{id}/clocks"]!["get"]!["parameters"]!.AsArray(), static p => (string)p!["name"]! == "at");
        Assert.Contains(paths["/after-sales/reports/quarterly/{year}/{quarter}"]!["get"]!["parameters"]!.AsArray(), static p => (string)p!["name"]! == "format");
    }

    [Fact]
    public async Task Problems_ErrorsAndWorkflowRefusals_AndTheBearerScheme_AreDescribed()
    {
        var document = await DocumentAsync();
        var components = document["components"]!;
        var conflict = components["schemas"]!["ConflictProblemDetails"]!["allOf"]![1]!["properties"]!;
        foreach (var name in new[] { "state", "command", "unmetGuards", "permittedCommands" })
        {
            Assert.NotNull(conflict[name]);
        }

        Assert.NotNull(components["schemas"]!["ValidationProblemDetails"]!["allOf"]![1]!["properties"]!["errors"]);
        Assert.Equal("integer", (string)components["schemas"]!["ProblemDetails"]!["properties"]!["status"]!["type"]!);
        Assert.Equal("bearer", (string)components["securitySchemes"]!["bearer"]!["scheme"]!);
        foreach (var operation in document["paths"]!.AsObject().SelectMany(static p => p.Value!.AsObject()))
        {
            Assert.NotNull(operation.Value!["security"]);
            Assert.False(string.IsNullOrEmpty((string?)operation.Value!["summary"]), operation.Key);
        }
    }

    [Fact]
    public async Task Descriptions_ComeFromTheXmlDocs()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!;
        Assert.Contains("assigns one", (string)schemas["ReportTicketRequest"]!["properties"]!["id"]!["description"]!, StringComparison.Ordinal);
        Assert.Contains("satisfaction", (string)schemas["SignOffRequest"]!["properties"]!["satisfaction"]!["description"]!, StringComparison.Ordinal);
        Assert.Contains("due", (string)schemas["ClockResponse"]!["properties"]!["dueAt"]!["description"]!, StringComparison.Ordinal);
    }

    private static List<string> Enum(JsonNode schema) => [.. schema["enum"]!.AsArray().Where(static v => v is not null).Select(static v => (string)v!)];

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(static p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var d in Descendants(child))
            {
                yield return d;
            }
        }
    }
}
