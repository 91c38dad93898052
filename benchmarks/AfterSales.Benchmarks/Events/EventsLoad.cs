using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AfterSales.Calendars;
using AfterSales.EntityFrameworkCore;
using AfterSales.Events;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using Npgsql;

namespace AfterSales.Benchmarks.Events;

/// <summary>
/// A bounded load program for the acting engine, on PostgreSQL (AFTERSALES_TEST_POSTGRES; a fresh database,
/// dropped at the end), every phase capped in time:
/// <list type="number">
/// <item><b>Lateness.</b> <c>--nodes</c> watcher/dispatcher nodes (in-process hosts, each with its own services,
/// real clock and timers) on one database; <c>--deadlines</c> work orders whose breach falls due evenly over
/// <c>--window</c> seconds after <c>--lead</c> seconds for the setup (20 + deadlines / 500 by default); a Kestrel receiver on loopback records, for every
/// <c>aftersales.clock.breached</c>, its arrival minus its due instant (the CloudEvent's <c>time</c>). Prints
/// p50/p90/p99/max, missing and duplicated ids.</item>
/// <item><b>Throughput.</b> <c>--events</c> reports (2 000 by default) with a subscription to <c>aftersales.ticket.reported</c>: deliveries per
/// second, overall and per node (the request's User-Agent names the node).</item>
/// <item><b>Overhead.</b> Command round trips (load, acknowledge, save) per second with and without the outbox
/// (the store given or not given the CloudEvents formatter), alternating 4 rounds of 5 s each.</item>
/// </list>
/// <c>--phases lateness,throughput,overhead</c> picks phases (all by default).
/// </summary>
internal static class EventsLoad
{
    public static async Task RunAsync(string[] args)
    {
        var deadlines = Arg(args, "--deadlines", 2000);
        var nodes = Arg(args, "--nodes", 3);
        var window = Duration.FromSeconds(Arg(args, "--window", 60));

        // The setup (the reports) must end before the first deadline; at about 500 reports a second by default.
        var lead = Duration.FromSeconds(Arg(args, "--lead", 20 + (deadlines / 500)));
        var events = Arg(args, "--events", 2000);
        var configured = Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(configured))
        {
            Console.WriteLine("AFTERSALES_TEST_POSTGRES is not set: the events load needs PostgreSQL.");
            return;
        }

        Console.WriteLine($"# Events load: {deadlines} deadlines over {window.TotalSeconds:0} s on {nodes} nodes, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        var name = "aftersales_events_" + Guid.NewGuid().ToString("N")[..8];
        var admin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false }.ConnectionString;
        await Execute(admin, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(configured) { Database = name, MaxPoolSize = 40 }.ConnectionString;
        try
        {
            await using (var context = new AfterSalesDbContext(new DbContextOptionsBuilder<AfterSalesDbContext>().UseNpgsql(connectionString).Options))
            {
                await AfterSalesSchema.MigrateAsync(context);
            }

            await using var receiver = await Receiver.StartAsync();
            var phases = Array.IndexOf(args, "--phases") is var p and >= 0 && p + 1 < args.Length ? args[p + 1].Split(',') : ["lateness", "throughput", "overhead"];
            if (phases.Contains("lateness"))
            {
                await LatenessAsync(connectionString, receiver, deadlines, nodes, window, lead);
            }

            if (phases.Contains("throughput"))
            {
                await ThroughputAsync(connectionString, receiver, nodes, events);
            }

            if (phases.Contains("overhead"))
            {
                await OverheadAsync(connectionString);
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await Execute(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task LatenessAsync(string connectionString, Receiver receiver, int deadlines, int nodeCount, Duration window, Duration lead)
    {
        var start = SystemClock.Instance.GetCurrentInstant() + lead;
        var amount = (int)Math.Ceiling((lead + window).TotalMinutes) + 1;
        var policy = SlaPolicy.CreateBuilder("lateness", 1, "lateness", SeverityScales.SingleLevel)
            .WithCalendar(BusinessCalendar.TwentyFourSeven(DateTimeZone.Utc))
            .WithWarnings([])
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(amount), static t => t.ForAllSeverities().From(Milestone.FaultOccurred))
            .Build();
        var nodes = new List<IHost>();
        for (var i = 0; i < nodeCount; i++)
        {
            nodes.Add(await Node.StartAsync(connectionString, policy, $"node-{i}"));
        }

        try
        {
            var webhooks = nodes[0].Services.GetRequiredService<IWebhookStore>();
            await webhooks.AddAsync(new WebhookSubscription("wh_lateness", "load", new Uri(receiver.Url), Receiver.Secret, [AfterSalesEventTypes.ClockBreached], SystemClock.Instance.GetCurrentInstant()));
            var tickets = nodes[0].Services.GetRequiredService<TicketService>();
            var setup = Stopwatch.StartNew();
            await Parallel.ForAsync(0, deadlines, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                var due = start + Duration.FromNanoseconds(window.ToInt64Nanoseconds() / deadlines * i);
                await tickets.ReportAsync(Report($"L-{i:D6}", due - Duration.FromMinutes(amount), policy), policy.Id, cancellationToken: ct);
            });
            var late = SystemClock.Instance.GetCurrentInstant() - start;
            Console.WriteLine($"setup: {deadlines} reports in {setup.Elapsed.TotalSeconds:0.0} s{(late > Duration.Zero ? $" — {late.TotalSeconds:0.0} s into the window: raise the lead" : "")}");

            var end = start + window + Duration.FromSeconds(30);
            while (receiver.Distinct(AfterSalesEventTypes.ClockBreached) < deadlines && SystemClock.Instance.GetCurrentInstant() < end)
            {
                await Task.Delay(200);
            }

            var arrivals = receiver.Take(AfterSalesEventTypes.ClockBreached);
            var lateness = arrivals.GroupBy(static a => a.Id).Select(static g => g.Min(static a => (a.ReceivedAt - a.Time).TotalMilliseconds)).Order().ToArray();
            Console.WriteLine();
            Console.WriteLine("| Deadlines | Nodes | Window | Delivered | Missing | Duplicated ids | p50 | p90 | p99 | max |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {deadlines} | {nodeCount} | {window.TotalSeconds:0} s | {lateness.Length} | {deadlines - lateness.Length} | {arrivals.Count - lateness.Length} | {Percentile(lateness, 0.50):0} ms | {Percentile(lateness, 0.90):0} ms | {Percentile(lateness, 0.99):0} ms | {(lateness.Length == 0 ? 0 : lateness[^1]):0} ms |"));
            Console.WriteLine("Lateness: the webhook's arrival at the receiver minus the breach's due instant (the CloudEvent's time).");
            Console.WriteLine();
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.StopAsync();
                node.Dispose();
            }
        }
    }

    private static async Task ThroughputAsync(string connectionString, Receiver receiver, int nodeCount, int eventCount)
    {
        var policy = SlaPresets.SystemIntegration002;
        var nodes = new List<IHost>();
        for (var i = 0; i < nodeCount; i++)
        {
            nodes.Add(await Node.StartAsync(connectionString, policy, $"node-{i}"));
        }

        try
        {
            await nodes[0].Services.GetRequiredService<IWebhookStore>().AddAsync(new WebhookSubscription(
                "wh_throughput", "load", new Uri(receiver.Url), Receiver.Secret, [AfterSalesEventTypes.TicketReported], SystemClock.Instance.GetCurrentInstant()));
            var tickets = nodes[0].Services.GetRequiredService<TicketService>();
            var clock = Stopwatch.StartNew();
            await Parallel.ForAsync(0, eventCount, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
                await tickets.ReportAsync(Report($"T-{i:D6}", null, policy) with { SeverityCode = "A" }, policy.Id, cancellationToken: ct));
            var written = clock.Elapsed;
            var until = DateTime.UtcNow.AddSeconds(120);
            while (receiver.Distinct(AfterSalesEventTypes.TicketReported) < eventCount && DateTime.UtcNow < until)
            {
                await Task.Delay(50);
            }

            var elapsed = clock.Elapsed;
            var arrivals = receiver.Take(AfterSalesEventTypes.TicketReported);
            Console.WriteLine("| Events | Written in | Delivered | All delivered in | Deliveries/s | Per node |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---|");
            var perNode = string.Join(", ", arrivals.GroupBy(static a => a.Node).OrderBy(static g => g.Key, StringComparer.Ordinal)
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count() / elapsed.TotalSeconds:0}/s")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {eventCount} | {written.TotalSeconds:0.0} s | {arrivals.Select(static a => a.Id).Distinct().Count()} | {elapsed.TotalSeconds:0.0} s | {arrivals.Count / elapsed.TotalSeconds:0} | {perNode} |"));
            Console.WriteLine("Throughput: reports written by 8 writers through one node while every node's dispatcher fans out and delivers to one loopback receiver.");
            Console.WriteLine();
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.StopAsync();
                node.Dispose();
            }
        }
    }

    private static async Task OverheadAsync(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AfterSalesDbContext>().UseNpgsql(connectionString).Options;
        var formatter = new ServiceCollection().AddAfterSales().AddHttpApi().Services.BuildServiceProvider().GetRequiredService<IEventFormatter>();
        var catalog = new InMemorySlaPolicyCatalog(SlaPresets.All);
        var without = new EfCoreTicketStore<AfterSalesDbContext>(new Factory(options), catalog, SystemClock.Instance);
        var with = new EfCoreTicketStore<AfterSalesDbContext>(new Factory(options), catalog, SystemClock.Instance, formatter);
        var rates = new Dictionary<string, List<double>>(StringComparer.Ordinal) { ["without outbox"] = [], ["with outbox"] = [] };
        for (var round = 0; round < 4; round++)
        {
            foreach (var (label, prefix, store) in new[] { ("without outbox", "off", without), ("with outbox", "on", with) })
            {
                rates[label].Add(await CommandsPerSecondAsync(store, $"{prefix}-{round}", TimeSpan.FromSeconds(5)));
            }
        }

        Console.WriteLine("| Store | Command round trips/s (median of 4 × 5 s, 8 writers) | Each round |");
        Console.WriteLine("|---|---:|---|");
        foreach (var (label, values) in rates)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {label} | {Median(values):0} | {string.Join(", ", values.Select(static v => v.ToString("0", CultureInfo.InvariantCulture)))} |"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Overhead of the outbox on a command: {(1 - (Median(rates["with outbox"]) / Median(rates["without outbox"]))) * 100:0.0} % of throughput."));
    }

    /// <summary>Report + acknowledge + start remote diagnosis per ticket, each a load and a save, by 8 writers.</summary>
    private static async Task<double> CommandsPerSecondAsync(EfCoreTicketStore<AfterSalesDbContext> store, string prefix, TimeSpan duration)
    {
        var policy = SlaPresets.SystemIntegration002;
        long commands = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            for (var i = 0; clock.Elapsed < duration; i++)
            {
                var id = TicketId.From($"{prefix}-{w}-{i}");
                await store.SaveAsync(Ticket.Report(Report(id.Value, null, policy) with { SeverityCode = "A" }, policy, SystemClock.Instance), 0);
                foreach (var command in new Action<Ticket>[] { static t => t.Acknowledge(), static t => t.StartRemoteDiagnosis() })
                {
                    var ticket = (await store.LoadAsync("load", id))!;
                    var version = ticket.Version;
                    command(ticket);
                    await store.SaveAsync(ticket, version);
                    Interlocked.Increment(ref commands);
                }
            }
        })));
        return commands / clock.Elapsed.TotalSeconds;
    }

    private static TicketReport Report(string id, Instant? faultAt, SlaPolicy policy) => new()
    {
        Id = TicketId.From(id),
        TenantId = "load",
        Reporter = new TicketReporter { Name = "n", Organization = "o", Contact = "c" },
        Channel = ReportChannel.Phone,
        Site = new TicketSite { Location = ServiceSite.Local, Name = "s", Address = "a" },
        DeviceSerialNumber = "SN",
        Symptom = "down",
        SeverityCode = policy.SeverityScale.Levels[0].Code,
        FaultOccurredAt = faultAt,
    };

    private static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static async Task Execute(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Factory(DbContextOptions<AfterSalesDbContext> options) : IDbContextFactory<AfterSalesDbContext>
    {
        public AfterSalesDbContext CreateDbContext() => new(options);
    }

    /// <summary>One node: the library's services on a generic host — store, watcher, dispatcher — with the real clock.</summary>
    private static class Node
    {
        public static async Task<IHost> StartAsync(string connectionString, SlaPolicy policy, string name)
        {
            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton<IClock>(SystemClock.Instance);
            builder.Services.AddPooledDbContextFactory<AfterSalesDbContext>(o => o.UseNpgsql(connectionString));
            builder.Services.AddAfterSales(o => o.Policies.Add(policy))
                .UseEntityFrameworkCore<AfterSalesDbContext>()
                .AddHttpApi(static o => o.WebhookAllowedHosts.Add("127.0.0.1"))
                .AddDeadlineWatcher(o =>
                {
                    o.NodeName = name;
                    o.DeliveryConcurrency = 16;
                });
            var host = builder.Build();
            await host.StartAsync();
            return host;
        }
    }

    /// <summary>A loopback receiver that acknowledges at once and records each event's arrival.</summary>
    private sealed class Receiver : IAsyncDisposable
    {
        public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

        private readonly WebApplication app;
        private readonly ConcurrentQueue<Arrival> arrivals = new();

        private Receiver(WebApplication app) => this.app = app;

        public string Url { get; private set; } = string.Empty;

        public static async Task<Receiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new Receiver(app);
            app.MapPost("/hook", async (HttpContext http) =>
            {
                var receivedAt = SystemClock.Instance.GetCurrentInstant();
                using var document = await JsonDocument.ParseAsync(http.Request.Body);
                var root = document.RootElement;
                var time = NodaTime.Text.InstantPattern.ExtendedIso.Parse(root.GetProperty("time").GetString()!).Value;
                var agent = http.Request.Headers.UserAgent.ToString();
                var node = agent[(agent.LastIndexOf('(') + 1)..].TrimEnd(')');
                receiver.arrivals.Enqueue(new Arrival(root.GetProperty("id").GetString()!, root.GetProperty("type").GetString()!, time, receivedAt, node));
                return Results.NoContent();
            });
            await app.StartAsync();
            receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hook";
            return receiver;
        }

        public int Distinct(string type) => arrivals.Where(a => a.Type == type).Select(static a => a.Id).Distinct().Count();

        public List<Arrival> Take(string type) => [.. arrivals.Where(a => a.Type == type)];

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private sealed record Arrival(string Id, string Type, Instant Time, Instant ReceivedAt, string Node);
}
