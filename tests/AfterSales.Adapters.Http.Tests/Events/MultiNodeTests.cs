using System.Net;
using AfterSales.Http.Tests.Support;
using AfterSales.Sla;
using AfterSales.Testing;
using AfterSales.WorkOrders;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace AfterSales.Http.Tests.Events;

/// <summary>
/// Several nodes on one database, one fake clock driving every watcher: each threshold (warning, breach,
/// escalation level) fires exactly once
/// whatever node sees it, deadlines passed while every node was down fire at start (late), and every
/// webhook's signature verifies.
/// </summary>
public sealed class MultiNodeTests
{
    /// <summary>First response within 10 min of the fault (so deadlines spread with the fault's time), warned at 50 %, escalated 2 min after the breach (R-CP-5).</summary>
    private static readonly SlaPolicy Policy = SlaPolicy.CreateBuilder("load", 1, "load", Severity.SeverityScales.SingleLevel)
        .WithCalendar(Calendars.BusinessCalendar.TwentyFourSeven(DateTimeZone.Utc))
        .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(10), static t => t.ForAllSeverities().From(Milestone.FaultOccurred).WarnAt(50)
            .EscalateAt(SlaEscalationLevel.After("PM", Duration.FromMinutes(2), EscalationCounting.ElapsedTime, "project-manager")))
        .Build();

    private static Dictionary<string, string?> Settings(int node) => new()
    {
        ["AfterSales:Watcher:NodeName"] = $"node-{node}",
        ["AfterSales:Watcher:ClaimLease"] = "01:00:00",
        ["AfterSales:Watcher:DeliveryLease"] = "01:00:00",
        ["AfterSales:Watcher:DeliveryConcurrency"] = "16",
    };

    [PostgresFact]
    public async Task ThreeNodes_10000Tickets_EveryWarningBreachAndEscalationOnce_AllSigned_PostgreSql()
    {
        const int Tickets = 10_000;
        const int Alerts = 3 * Tickets;
        using var shared = new SharedDatabase(TestDatabase.PostgreSql);
        await using var receiver = await WebhookReceiver.StartAsync();
        var timer = new FakeDeadlineTimer(FakeClock.FromUtc(2026, 3, 2, 1, 0, 0));
        var start = timer.Clock.GetCurrentInstant();
        var nodes = Enumerable.Range(0, 3)
            .Select(i => new ServiceFactory(TestDatabase.PostgreSql, shared.ConnectionString, timer, static s => s.AddAfterSales(static o => o.Policies.Add(Policy)), Settings(i)))
            .ToList();
        try
        {
            var clients = nodes.Select(static n => n.ClientFor("acme")).ToList();
            receiver.Secret = await WebhookDeliveryTests.SubscribeAsync(clients[0], receiver.Url, "aftersales.clock.warning", "aftersales.clock.breached", "aftersales.clock.escalated");

            // Faults spread over the 5 minutes before the reports: warnings fall due over the next 5, breaches
            // over the 5 after, escalations 2 minutes after each breach.
            var tickets = nodes[0].Services.GetRequiredService<TicketService>();
            await Parallel.ForAsync(0, Tickets, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
                await tickets.ReportAsync(Report(i, start - Duration.FromMilliseconds(300_000L * i / Tickets)), Policy.Id, cancellationToken: ct));

            // Every watcher wakes as the shared clock moves, 5 s at a time, to past the last escalation.
            while (timer.Clock.GetCurrentInstant() < start + Duration.FromMinutes(12) + Duration.FromSeconds(10))
            {
                timer.Advance(Duration.FromSeconds(5));
                await Task.Delay(10);
            }

            await receiver.WaitForAsync(static r => r.Count >= Alerts, $"{Alerts} alerts", seconds: 300);
            await Task.Delay(500);
            var received = receiver.Accepted.ToList();
            var ids = received.Select(static r => r.Id).ToList();
            Assert.Equal(Alerts, ids.Distinct().Count());
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(received, static r => Assert.True(r.Verified, $"{r.Id}: signature rejected"));
            var perTicket = received.GroupBy(static r => (string)r.Event["data"]!["ticketId"]!).ToList();
            Assert.Equal(Tickets, perTicket.Count);
            Assert.All(perTicket, static g => Assert.Equal(["breached", "escalated", "warning"], g.Select(static r => r.Type["aftersales.clock.".Length..]).Order(StringComparer.Ordinal)));

            // Each at its own instant: the event's time is the threshold's, whichever node found it.
            Assert.All(received, static r => Assert.Equal(Parse((string)r.Event["time"]!), Parse((string)r.Event["data"]!["at"]!)));

            // What the outbox holds is what arrived: read through another node's feed.
            var feed = new List<string>();
            var cursor = "0-0";
            var until = DateTime.UtcNow.AddSeconds(60);
            while (feed.Count < Alerts && DateTime.UtcNow < until)
            {
                var page = await (await clients[2].GetAsync($"/after-sales/events?after={cursor}&limit=1000")).JsonAsync(HttpStatusCode.OK);
                feed.AddRange(page["events"]!.AsArray().Where(static e => ((string)e!["type"]!).StartsWith("aftersales.clock.", StringComparison.Ordinal)).Select(static e => (string)e!["id"]!));
                cursor = (string)page["next"]!;
            }

            Assert.Equal(ids.Order(StringComparer.Ordinal), feed.Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.Dispose();
            }
        }
    }

    [Fact]
    public Task DeadlinesPassedWhileEveryNodeWasDown_FireAtStart_MarkedLate_Sqlite() => FireAtStart(TestDatabase.Sqlite);

    [PostgresFact]
    public Task DeadlinesPassedWhileEveryNodeWasDown_FireAtStart_MarkedLate_PostgreSql() => FireAtStart(TestDatabase.PostgreSql);

    private static async Task FireAtStart(TestDatabase database)
    {
        using var shared = new SharedDatabase(database);
        await using var receiver = await WebhookReceiver.StartAsync();
        var timer = new FakeDeadlineTimer(FakeClock.FromUtc(2026, 3, 2, 1, 0, 0));
        var start = timer.Clock.GetCurrentInstant();
        using (var first = new ServiceFactory(database, shared.ConnectionString, timer, static s => s.AddAfterSales(static o => o.Policies.Add(Policy)), Settings(0)))
        {
            using var client = first.ClientFor("acme");
            receiver.Secret = await WebhookDeliveryTests.SubscribeAsync(client, receiver.Url, "aftersales.clock.warning", "aftersales.clock.breached", "aftersales.clock.escalated");
            await first.Services.GetRequiredService<TicketService>().ReportAsync(Report(0, start), Policy.Id);
        }

        // Every node is down while the warning (01:05), the breach (01:10) and the escalation (01:12) pass.
        timer.Clock.Reset(start + Duration.FromHours(1));
        using var second = new ServiceFactory(database, shared.ConnectionString, timer, static s => s.AddAfterSales(static o => o.Policies.Add(Policy)), Settings(1));
        using var again = second.ClientFor("acme");
        await receiver.WaitForAsync(static r => r.Count == 3, "the missed warning, breach and escalation");
        var alerts = receiver.Accepted.OrderBy(static r => (string)r.Event["time"]!, StringComparer.Ordinal).ToList();
        Assert.Equal(["aftersales.clock.warning", "aftersales.clock.breached", "aftersales.clock.escalated"], alerts.Select(static r => r.Type));
        Assert.Equal(["2026-03-02T01:05:00Z", "2026-03-02T01:10:00Z", "2026-03-02T01:12:00Z"], alerts.Select(static r => (string)r.Event["time"]!));
        Assert.All(alerts, static r => Assert.True((bool)r.Event["data"]!["late"]!));
        Assert.All(alerts, static r => Assert.Equal("2026-03-02T02:00:00Z", (string)r.Event["data"]!["detectedAt"]!));
    }

    private static Instant Parse(string text) => NodaTime.Text.InstantPattern.ExtendedIso.Parse(text).Value;

    private static TicketReport Report(int i, Instant faultAt) => new()
    {
        Id = TicketId.From($"LT-{i:D5}"),
        TenantId = "acme",
        Reporter = new TicketReporter { Name = "n", Organization = "o", Contact = "c" },
        Channel = ReportChannel.Phone,
        Site = new TicketSite { Location = ServiceSite.Local, Name = "s", Address = "a" },
        DeviceSerialNumber = "SN",
        Symptom = "down",
        SeverityCode = Policy.SeverityScale.Levels[0].Code,
        FaultOccurredAt = faultAt,
    };
}
