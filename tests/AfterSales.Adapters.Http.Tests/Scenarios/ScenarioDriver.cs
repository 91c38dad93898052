using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using AfterSales.Http.Tests.Support;
using NodaTime.Text;

namespace AfterSales.Http.Tests.Scenarios;

/// <summary>
/// Drives one seed plan's quarter through the sample host, over HTTP only: JSON in, JSON out. Times
/// are written and read as Beijing wall-clock text ("2026-04-03 17:30") so the scenarios' comments
/// and assertions read like the plans; the host's clock is a fake one the driver moves forward.
/// No domain type is used here: the expected figures are the scenarios' own arithmetic.
/// </summary>
internal sealed class ScenarioDriver : IDisposable
{
    private const string Prefix = "/after-sales";

    // Beijing time is UTC+8 all year (no daylight saving since 1991): the plans' local times map to
    // instants with a fixed offset, which keeps this driver free of the library's calendar code.
    private static readonly Offset Beijing = Offset.FromHours(8);
    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm");

    private readonly ServiceFactory factory;
    private bool moved;
    private readonly List<(Instant At, int Order, Func<Task> Action)> agenda = [];

    public ScenarioDriver(TestDatabase database, string tenant)
    {
        factory = new ServiceFactory(database);
        Client = factory.ClientFor(tenant);
    }

    public HttpClient Client { get; }

    /// <summary>Now, as Beijing wall-clock text.</summary>
    public string Now => ToLocal(factory.Clock.GetCurrentInstant());

    /// <summary>Moves the host's clock to <paramref name="local"/> (Beijing time): first to the quarter's start, then never backwards.</summary>
    public void At(string local)
    {
        var to = ToInstant(local);
        var now = factory.Clock.GetCurrentInstant();
        Assert.True(!moved || to >= now, $"the scenario moves the clock back from {ToLocal(now)} to {local}");
        moved = true;
        factory.Clock.Reset(to);
    }

    public static Instant ToInstant(string local) => Local.Parse(local).GetValueOrThrow().WithOffset(Beijing).ToInstant();

    public static string ToLocal(Instant instant) => Local.Format(instant.WithOffset(Beijing).LocalDateTime);

    /// <summary>An instant of the JSON (ISO 8601 UTC) as Beijing wall-clock text.</summary>
    public static string ToLocal(JsonNode? instant) =>
        ToLocal(InstantPattern.ExtendedIso.Parse((string)instant!).GetValueOrThrow());

    /// <summary>An instant for a JSON body, from Beijing wall-clock text.</summary>
    public static string Iso(string local) => InstantPattern.ExtendedIso.Format(ToInstant(local));

    public Task<JsonNode> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(HttpMethod.Get, path, null, expected);

    public Task<JsonNode> PostAsync(string path, object? body = null, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(HttpMethod.Post, path, body, expected);

    public Task<JsonNode> PutAsync(string path, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        SendAsync(HttpMethod.Put, path, body, expected);

    public async Task<string> GetTextAsync(string path)
    {
        var response = await Client.GetAsync(Prefix + path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return text;
    }

    /// <summary>
    /// Registers a device (设备档案) under the seed's warranty policy: a report on it is assessed
    /// against that policy (R-WO-1), so a device left to the host's default would be judged by
    /// another contract's terms. The contract names the price list of its paid repairs; the centre and
    /// model count it in that centre's installed base.
    /// </summary>
    public Task<JsonNode> RegisterDeviceAsync(
        string serial, string component, string warrantyPolicy, string? acceptedOn = null, string? handedOverOn = null,
        string? contractId = null, string? centreId = null, string? model = null) =>
        PostAsync("/devices", new JsonObject
        {
            ["serialNumber"] = serial,
            ["component"] = component,
            ["acceptedOn"] = acceptedOn,
            ["handedOverOn"] = handedOverOn,
            ["warrantyPolicy"] = warrantyPolicy,
            ["contractId"] = contractId,
            ["centreId"] = centreId,
            ["model"] = model,
        }, HttpStatusCode.Created);

    /// <summary>Reports a fault now under <paramref name="policy"/> (报障).</summary>
    public Task<JsonNode> ReportAsync(
        string id, string policy, string severity, string device, string channel = "Phone", string locality = "Local",
        int? distanceKm = null, string? faultOccurredAt = null, string site = "营业厅") =>
        PostAsync("/tickets", new JsonObject
        {
            ["id"] = id,
            ["policyId"] = policy,
            ["reporter"] = new JsonObject { ["name"] = "李工", ["organization"] = "客户信息部", ["contact"] = "13800000000" },
            ["channel"] = channel,
            ["site"] = new JsonObject { ["locality"] = locality, ["distanceKm"] = distanceKm, ["name"] = site, ["address"] = "人民路1号" },
            ["deviceSerialNumber"] = device,
            ["symptom"] = "故障:" + severity,
            ["severityCode"] = severity,
            ["faultOccurredAt"] = faultOccurredAt is null ? null : Iso(faultOccurredAt),
        }, HttpStatusCode.Created);

    /// <summary>Moves the clock to <paramref name="local"/> and runs one workflow command on the work order.</summary>
    public Task<JsonNode> StepAsync(string local, string id, string command, object? body = null)
    {
        At(local);
        return PostAsync($"/tickets/{id}/{command}", body);
    }

    /// <summary>
    /// Puts <paramref name="action"/> on the agenda at <paramref name="local"/>. The orders of a quarter
    /// overlap in time while the host has one clock, so each scenario writes every order's story on
    /// its own and <see cref="RunAsync"/> plays the agenda in time order (equal instants in the order
    /// they were put on it).
    /// </summary>
    public void On(string local, Func<Task> action) => agenda.Add((ToInstant(local), agenda.Count, action));

    /// <summary>Puts workflow commands of one work order on the agenda, each at its own instant.</summary>
    public void Steps(string id, params (string Local, string Command, object? Body)[] steps)
    {
        foreach (var (local, command, body) in steps)
        {
            On(local, () => PostAsync($"/tickets/{id}/{command}", body));
        }
    }

    /// <summary>Plays the agenda in time order, moving the host's clock to each entry's instant, and empties it.</summary>
    public async Task RunAsync()
    {
        var entries = agenda.OrderBy(static e => e.At).ThenBy(static e => e.Order).ToList();
        agenda.Clear();
        foreach (var (at, _, action) in entries)
        {
            At(ToLocal(at));
            await action();
        }
    }

    /// <summary><paramref name="local"/> plus <paramref name="minutes"/>, as Beijing text.</summary>
    public static string Later(string local, int minutes) => ToLocal(ToInstant(local) + Duration.FromMinutes(minutes));

    public static string[] Sorted(IEnumerable<string> lines) => [.. lines.Order(StringComparer.Ordinal)];

    /// <summary>A complaint's clocks as "metric Status due" lines, sorted.</summary>
    public static string[] ComplaintClocks(JsonNode complaint) =>
        [.. complaint["clocks"]!.AsArray().Select(c => $"{c!["metric"]} {c["status"]} {ToLocal(c["dueAt"])}").Order(StringComparer.Ordinal)];

    /// <summary>Puts a complaint's steps on the agenda (首次回复, 核实, 正式答复, 解决, 客户评价, 关闭).</summary>
    public void ComplaintSteps(string id, params (string Local, string Step, string? Body)[] steps)
    {
        foreach (var (local, step, body) in steps)
        {
            On(local, () => PostAsync($"/complaints/{id}/{step}", body is null ? null : Body(body)));
        }
    }

    /// <summary>Puts filing a complaint (投诉登记) on the agenda.</summary>
    public void FileComplaint(string local, string id, string workOrder, string engineer, string summary) =>
        On(local, () => PostAsync("/complaints", new JsonObject { ["id"] = id, ["workOrderId"] = workOrder, ["engineerId"] = engineer, ["summary"] = summary }, HttpStatusCode.Created));

    /// <summary>Puts an assertion on the agenda.</summary>
    public void Check(string local, Func<Task> assertion) => On(local, assertion);

    /// <summary>The work order's clocks now (or at <paramref name="atLocal"/>): metric → (status, due as Beijing text), one per cycle.</summary>
    public async Task<IReadOnlyList<(string Metric, int Cycle, string Status, string? Due)>> ClocksAsync(string id, string? atLocal = null)
    {
        var json = await GetAsync($"/tickets/{id}/clocks" + (atLocal is null ? "" : "?at=" + Uri.EscapeDataString(Iso(atLocal))));
        return
        [
            .. json["clocks"]!.AsArray().Select(c => (
                (string)c!["metric"]!,
                (int)c["cycle"]!,
                (string)c["status"]!,
                c["dueAt"] is { } due ? ToLocal(due) : null)),
        ];
    }

    /// <summary>The clocks as "metric#cycle Status due" lines, in the service's order, for one readable assertion.</summary>
    public async Task<string[]> ClockLinesAsync(string id, string? atLocal = null) =>
        [.. (await ClocksAsync(id, atLocal)).Select(c => $"{c.Metric}#{c.Cycle} {c.Status} {c.Due ?? "-"}")];

    public static JsonNode Body(string json) => JsonNode.Parse(json)!;

    public static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Client.Dispose();
        factory.Dispose();
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, Prefix + path);
        if (body is not null)
        {
            var json = body switch
            {
                string s => s,
                JsonNode node => node.ToJsonString(),
                _ => throw new ArgumentException("A body is JSON text or a JsonNode.", nameof(body)),
            };
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path} at {Now}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}
