using AfterSales.Sla;
using AfterSales.WorkOrders;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace AfterSales.Benchmarks.WorkOrders;

/// <summary>
/// One ticket command in process, as <see cref="TicketService"/> runs it on the
/// <see cref="InMemoryTicketStore"/>: load (replay the events, each firing the Stateless workflow),
/// decide (fire the command's trigger), append (save with the version check and the SLA summary).
/// The baseline is the load alone, in the same run.
/// </summary>
/// <remarks>
/// Every ticket stands on site with 5 events (report, acknowledge, remote diagnosis, dispatch,
/// arrival) and takes one <c>deliver-repair-plan</c> per iteration: the iteration setup stores
/// <see cref="Tickets"/> fresh tickets and each invocation takes the next, so the history replayed
/// stays 5 events long whatever the number of invocations.
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(Tickets)]
public class TicketCommandBenchmarks
{
    private const int Tickets = 8192;
    private const string Tenant = "bench";

    private readonly BenchClock clock = new(Instant.FromUtc(2026, 3, 2, 1, 0));
    private readonly InMemorySlaPolicyCatalog catalog = new([SlaPresets.SystemIntegration002]);
    private readonly TicketId[] ids = [.. Enumerable.Range(0, Tickets).Select(static i => TicketId.From($"WO-{i}"))];
    private TicketService service = null!;
    private int next;

    [IterationSetup]
    public void StoreFreshTicketsOnSite()
    {
        var store = new InMemoryTicketStore(catalog, clock);
        service = new TicketService(store, catalog, clock);
        foreach (var id in ids)
        {
            var ticket = Ticket.Report(BenchTickets.Report(id, Tenant), SlaPresets.SystemIntegration002, clock);
            ticket.Acknowledge();
            ticket.StartRemoteDiagnosis();
            ticket.Dispatch("李工");
            ticket.ArriveOnSite();
            store.SaveAsync(ticket, 0).GetAwaiter().GetResult();
        }

        next = 0;
    }

    /// <summary>Load alone: read the 5 events and rebuild the ticket.</summary>
    [Benchmark(Baseline = true)]
    public Task<Ticket> Load() => service.GetAsync(Tenant, ids[next++ % Tickets]);

    /// <summary>Load and run the command on the ticket (the workflow decides, the event is applied), without saving: the workflow's share.</summary>
    [Benchmark]
    public async Task<Ticket> LoadAndDecide()
    {
        var ticket = await service.GetAsync(Tenant, ids[next++ % Tickets]).ConfigureAwait(false);
        ticket.DeliverRepairPlan();
        return ticket;
    }

    /// <summary>Load, decide on Stateless, append one event (the store checks the version and computes the ticket's SLA summary).</summary>
    [Benchmark]
    public Task<Ticket> Command() => service.DeliverRepairPlanAsync(Tenant, ids[next++ % Tickets]);
}
