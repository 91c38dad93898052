using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Http.Tests.Endpoints;

/// <summary>
/// Input that can never be repaired must never be accepted (issue 14 §5): every value that could make
/// an item unaddressable (a path separator, NUL, a bidi override, 101 characters …) or break a list
/// later (a day in 9999) is thrown at every field of every create endpoint; each gets 400 with
/// <c>errors</c> naming the field, and the database is unchanged. A second test fails when a POST or
/// PUT route exists that this table neither covers nor lists as creating nothing, so routes added
/// later (by any issue) must be classified here as they land.
/// </summary>
public sealed class UnrepairableInputTests
{
    /// <summary>
    /// Hostile ids: each breaks <see cref="Identifier"/> in its own way. (A lone surrogate cannot be
    /// sent: System.Text.Json reads "\uD800" as U+FFFD, a printable character; the domain's tests cover it.)
    /// </summary>
    private static readonly string[] HostileIds =
    [
        "a/b", "a\\b", "a\0b", "a\u0007b", "a\nb", "\u202E1-OW", "WO\u2066x\u2069", "x\u200By", "x\u2028y", "x\uE000", "..", " lead",
        "trail ", "", new string('x', 101),
    ];

    /// <summary>Hostile ids that survive a URL path (a path cannot carry '/', '\' or NUL as themselves).</summary>
    private static readonly string[] HostilePathIds = ["\u202E1-OW", "x\u200By", "x\uE000", new string('x', 101), "x\u2028y"];

    private static readonly string[] HostileDates = ["0001-01-01", "1899-12-31", "2200-01-01", "9999-12-31"];

    private static readonly string[] HostileInstants = ["0001-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "9999-12-31T00:00:00Z"];

    /// <summary>Months out of range, malformed, or not yet begun (the fake clock is at 2026-03-02).</summary>
    private static readonly string[] HostileMonths = ["9999-12", "1899-12", "2026-13", "2026-04", "26-03"];

    private static readonly string[] HostileYears = ["9999", "1899", "0", "-1", "2200", "20x7"];

    /// <summary>A field of a create endpoint: in the JSON body (a path like <c>site.name</c>) or a route value (<c>{centreId}</c>).</summary>
    public sealed record Field(string Name, FieldKind Kind);

    public enum FieldKind
    {
        Id,
        Date,
        Instant,
        Month,
        Year,
    }

    /// <summary>
    /// A create endpoint: its route pattern as mapped, a request builder from route values and a
    /// unique suffix (a valid request when nothing is replaced), and its fields to attack.
    /// </summary>
    public sealed record CreateRoute(string Method, string Pattern, Func<string, IReadOnlyDictionary<string, string>?, (string Path, JsonObject? Body)> Build, Field[] Fields);

    /// <summary>Every create endpoint of the API, with a valid request and the fields that are stored.</summary>
    public static IReadOnlyList<CreateRoute> CreateRoutes { get; } =
    [
        new("POST", "/after-sales/tickets/",
            static (u, _) => ("/after-sales/tickets", JsonNode.Parse(Api.ReportBody("WO-" + u))!.AsObject()),
            [new("id", FieldKind.Id), new("deviceSerialNumber", FieldKind.Id), new("faultOccurredAt", FieldKind.Instant)]),
        new("POST", "/after-sales/devices",
            static (u, _) => ("/after-sales/devices", new JsonObject { ["serialNumber"] = "D-" + u, ["component"] = "hardware", ["acceptedOn"] = "2025-04-15", ["handedOverOn"] = "2025-04-16", ["completedOn"] = "2025-04-01" }),
            [new("serialNumber", FieldKind.Id), new("acceptedOn", FieldKind.Date), new("handedOverOn", FieldKind.Date), new("completedOn", FieldKind.Date)]),
        new("POST", "/after-sales/complaints",
            static (u, _) => ("/after-sales/complaints", new JsonObject { ["id"] = "C-" + u, ["workOrderId"] = "WO-1", ["engineerId"] = "E-1", ["summary"] = "late" }),
            [new("id", FieldKind.Id), new("workOrderId", FieldKind.Id), new("engineerId", FieldKind.Id)]),
        new("POST", "/after-sales/spares/{centreId}/{partNumber}/movements",
            static (u, route) => (
                $"/after-sales/spares/{Uri.EscapeDataString(route?.GetValueOrDefault("centreId") ?? "BJ-" + u)}/{Uri.EscapeDataString(route?.GetValueOrDefault("partNumber") ?? "P-" + u)}/movements",
                new JsonObject { ["kind"] = "Returned", ["quantity"] = 2, ["by"] = "仓管", ["workOrderId"] = "WO-1" }),
            [new("{centreId}", FieldKind.Id), new("{partNumber}", FieldKind.Id), new("workOrderId", FieldKind.Id)]),
        new("PUT", "/after-sales/price-lists/{id}",
            static (u, route) => ($"/after-sales/price-lists/{Uri.EscapeDataString(route?.GetValueOrDefault("id") ?? "CT-" + u)}",
                new JsonObject { ["parts"] = new JsonArray(new JsonObject { ["partNumber"] = "P-1", ["maxUnitPrice"] = 120.5 }) }),
            [new("{id}", FieldKind.Id), new("parts[0].partNumber", FieldKind.Id)]),
        new("POST", "/after-sales/tickets/{id}/quotes",
            static (u, _) => ("/after-sales/tickets/WO-1/quotes",
                new JsonObject { ["id"] = "Q-" + u, ["priceListId"] = "CT-valid", ["lines"] = new JsonArray(new JsonObject { ["kind"] = "Part", ["partNumber"] = "P-1" }) }),
            [new("id", FieldKind.Id), new("lines[0].partNumber", FieldKind.Id), new("issuedOn", FieldKind.Date)]),
        new("POST", "/after-sales/spares/replenishment-runs/{month}",
            static (_, route) => ($"/after-sales/spares/replenishment-runs/{Uri.EscapeDataString(route?.GetValueOrDefault("month") ?? "2026-02")}", new JsonObject()),
            [new("{month}", FieldKind.Month)]),
        new("PUT", "/after-sales/calendars/{id}",
            static (u, _) => ("/after-sales/calendars/CAL-" + u,
                new JsonObject { ["id"] = "CAL-" + u, ["name"] = "site hours", ["zone"] = "Asia/Shanghai", ["weeklyHours"] = new JsonObject { ["monday"] = new JsonArray(new JsonObject { ["start"] = "09:00", ["end"] = "18:00" }) } }),
            [new("id", FieldKind.Id)]),
        new("PUT", "/after-sales/calendars/{id}/years/{year}",
            static (_, route) => ($"/after-sales/calendars/cn-statutory-9-18/years/{Uri.EscapeDataString(route?.GetValueOrDefault("year") ?? "2027")}",
                new JsonObject { ["holidays"] = new JsonArray(new JsonObject { ["date"] = "2027-10-01", ["name"] = "国庆节" }) }),
            [new("{year}", FieldKind.Year), new("holidays[0].date", FieldKind.Date)]),
        new("PUT", "/after-sales/policies/{id}",
            static (u, _) =>
            {
                var policy = JsonNode.Parse(PolicyEndpointTests.SitePolicy)!.AsObject();
                policy["id"] = "POL-" + u;
                return ("/after-sales/policies/POL-" + u, policy);
            },
            [new("id", FieldKind.Id)]),
        new("PUT", "/after-sales/inspections/plans/{code}",
            static (u, route) => ($"/after-sales/inspections/plans/{Uri.EscapeDataString(route?.GetValueOrDefault("code") ?? "PLAN-" + u)}",
                new JsonObject { ["checklist"] = new JsonObject { ["preset"] = "kiosk-000" }, ["recurrence"] = "quarterly", ["startsOn"] = "2026-01-01", ["devices"] = new JsonArray("K-" + u), ["sites"] = new JsonArray("网点 " + u) }),
            [new("{code}", FieldKind.Id), new("startsOn", FieldKind.Date), new("devices[0]", FieldKind.Id), new("sites[0]", FieldKind.Id)]),
        new("POST", "/after-sales/inspections/records",
            static (u, _) => ("/after-sales/inspections/records",
                new JsonObject { ["id"] = "IR-" + u, ["device"] = "K-" + u, ["checklist"] = new JsonObject { ["preset"] = "kiosk-000" }, ["inspectedOn"] = "2026-02-10", ["engineerId"] = "E-1", ["results"] = new JsonArray(), ["signedBy"] = "王经理", ["signedOn"] = "2026-02-10" }),
            [new("id", FieldKind.Id), new("device", FieldKind.Id), new("inspectedOn", FieldKind.Date), new("engineerId", FieldKind.Id), new("signedOn", FieldKind.Date)]),
        new("PUT", "/after-sales/engineers/{id}",
            static (u, route) => ($"/after-sales/engineers/{Uri.EscapeDataString(route?.GetValueOrDefault("id") ?? "E-" + u)}",
                new JsonObject { ["name"] = "李雷", ["centreId"] = "SH-" + u, ["contact"] = "13800000000", ["skills"] = new JsonArray("cctv") }),
            [new("{id}", FieldKind.Id), new("centreId", FieldKind.Id), new("skills[0]", FieldKind.Id)]),
        new("PUT", "/after-sales/service-centres/{centreId}/duty-rota",
            static (u, route) => ($"/after-sales/service-centres/{Uri.EscapeDataString(route?.GetValueOrDefault("centreId") ?? "SH-" + u)}/duty-rota",
                new JsonObject { ["shifts"] = new JsonArray(new JsonObject { ["engineerId"] = "E-" + u, ["start"] = "2026-03-02T09:00:00", ["end"] = "2026-03-02T17:00:00" }) }),
            [new("{centreId}", FieldKind.Id), new("shifts[0].engineerId", FieldKind.Id)]),
    ];

    /// <summary>POST and PUT routes that create nothing a later request must address: commands on an existing item, and calculators.</summary>
    private static readonly string[] NotCreating =
    [
        "/after-sales/tickets/{id}/*",
        "/after-sales/complaints/{id}/*",
        "/after-sales/devices/{serialNumber}/*",
        "/after-sales/business-time",
        "/after-sales/warranty/assessments",
        "/after-sales/complaints/evaluations",
        "/after-sales/spares/ledger",
        "/after-sales/tickets/adopt-policy",
        "/after-sales/policies/validate",
        // The tenant's one quality-terms document: its versions are numbered by the server, no client key is stored.
        "/after-sales/quality-terms",
        // A subscription's id is the server's; its URL and event types are checked by their own rules (WebhookUrlPolicy).
        "/after-sales/webhooks",
        "/after-sales/webhooks/{id}/*",
        "/demo/*",
    ];

    [Fact]
    public async Task EveryCreateEndpoint_EveryStoredField_UnrepairableValue_400NamingTheField_NothingStored()
    {
        using var factory = new ServiceFactory();
        using var client = factory.ClientFor("acme");
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        foreach (var route in CreateRoutes)
        {
            // The template is valid: it creates, so every refusal below is the attacked field's doing.
            var (path, body) = route.Build("valid", null);
            using var created = await Send(client, route.Method, path, body);
            Assert.True(created.IsSuccessStatusCode, $"{route.Method} {path}: the valid template was refused: {await created.Content.ReadAsStringAsync()}");
        }

        // The year's load is adopted by open tickets in the background: let it finish before the snapshot.
        await CalendarAdoptionTests.WaitForCompletion(client, "/after-sales/calendars/cn-statutory-9-18/versions/2/adoption");
        var before = await factory.DumpHashAsync();
        var failures = new List<string>();
        var attempts = 0;
        foreach (var route in CreateRoutes)
        {
            foreach (var field in route.Fields)
            {
                foreach (var value in ValuesFor(field))
                {
                    attempts++;
                    var (path, body) = route.Build("x" + attempts, field.Name.StartsWith('{') ? new Dictionary<string, string> { [field.Name[1..^1]] = value } : null);
                    if (!field.Name.StartsWith('{'))
                    {
                        Set(body!, field.Name, value);
                    }

                    using var response = await Send(client, route.Method, path, body);
                    var text = await response.Content.ReadAsStringAsync();
                    var key = field.Name.Trim('{', '}');
                    // Documents (calendars) name their fields by JSON path ("$.id"), the other routes by name ("id").
                    var errors = JsonNode.Parse(text)?["errors"];
                    if (response.StatusCode != HttpStatusCode.BadRequest || (errors?[key] ?? errors?["$." + key]) is null)
                    {
                        failures.Add($"{route.Method} {route.Pattern} {key}={Show(value)}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {attempts} refusals wrong:\n{string.Join('\n', failures.Take(30))}");
        Assert.Equal(before, await factory.DumpHashAsync());
    }

    [Fact]
    public void EveryPostAndPutRoute_IsACoveredCreateEndpoint_OrListedAsCreatingNothing()
    {
        using var factory = new ServiceFactory();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        var covered = CreateRoutes.Select(static r => $"{r.Method} {r.Pattern}").ToHashSet(StringComparer.Ordinal);
        var unclassified = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (method is not ("POST" or "PUT") || covered.Contains($"{method} {pattern}") || NotCreating.Any(n => Matches(n, pattern)))
                {
                    continue;
                }

                unclassified.Add($"{method} {pattern}");
            }
        }

        Assert.True(unclassified.Count == 0,
            "These routes are neither in CreateRoutes (with their stored fields) nor listed as creating nothing:\n" + string.Join('\n', unclassified));
    }

    private static bool Matches(string listed, string pattern) =>
        listed.EndsWith("/*", StringComparison.Ordinal)
            ? pattern.StartsWith(listed[..^1], StringComparison.Ordinal)
            : string.Equals(listed, pattern, StringComparison.Ordinal);

    private static IEnumerable<string> ValuesFor(Field field) => field.Kind switch
    {
        FieldKind.Id => field.Name.StartsWith('{') ? HostilePathIds : HostileIds,
        FieldKind.Month => HostileMonths,
        FieldKind.Year => HostileYears,
        FieldKind.Date => HostileDates,
        _ => HostileInstants,
    };

    private static void Set(JsonObject body, string path, string value)
    {
        var parts = path.Split('.');
        JsonNode node = body;
        foreach (var part in parts[..^1])
        {
            node = Step(node, part);
        }

        var last = parts[^1];
        if (last.IndexOf('[', StringComparison.Ordinal) is var bracket and > 0)
        {
            // "devices[0]" as the last step: the array's item itself.
            node[last[..bracket]]!.AsArray()[int.Parse(last[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            node.AsObject()[last] = value;
        }

        // "lines[0]" is the array "lines", item 0.
        static JsonNode Step(JsonNode node, string part) =>
            part.IndexOf('[', StringComparison.Ordinal) is var open and > 0
                ? node[part[..open]]!.AsArray()[int.Parse(part[(open + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!
                : node[part]!;
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string method, string path, JsonObject? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = Api.Json(body.ToJsonString());
        }

        return await client.SendAsync(request);
    }

    private static string Show(string value) =>
        string.Concat(value.Take(20).Select(static c => c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString()));
}
