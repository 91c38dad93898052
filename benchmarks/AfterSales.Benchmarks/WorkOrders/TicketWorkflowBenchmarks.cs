using AfterSales.Sla;
using AfterSales.WorkOrders;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace AfterSales.Benchmarks.WorkOrders;

/// <summary>
/// The Stateless ticket workflow alone, for the record: <c>CanFire</c> (the baseline) and
/// <c>Fire</c> on the thread's machine bound to a ticket on site, the permitted-trigger list (remembered
/// by guard outcomes, and asked of Stateless afresh), and
/// what configuring a machine costs (paid once per thread, not per ticket).
/// </summary>
[MemoryDiagnoser]
public class TicketWorkflowBenchmarks
{
    private readonly Instant at = Instant.FromUtc(2026, 3, 2, 2, 0);
    private Ticket onSite = null!;

    [GlobalSetup]
    public void Setup()
    {
        var clock = new BenchClock(Instant.FromUtc(2026, 3, 2, 1, 0));
        onSite = Ticket.Report(BenchTickets.Report(TicketId.From("WO-1"), "bench"), SlaPresets.SystemIntegration002, clock);
        onSite.Acknowledge();
        onSite.StartRemoteDiagnosis();
        onSite.Dispatch("李工");
        onSite.ArriveOnSite();
    }

    /// <summary>OnSite: is <c>resolve</c> permitted? (one unguarded transition on the state itself).</summary>
    [Benchmark(Baseline = true)]
    public bool CanFire() => TicketMachine.CanFire(onSite, TicketTrigger.Resolve, at);

    /// <summary>OnSite: is <c>dispatch</c> permitted? (a guarded transition on the superstate Active).</summary>
    [Benchmark]
    public bool CanFireGuardedOnSuperstate() => TicketMachine.CanFire(onSite, TicketTrigger.Dispatch, at);

    /// <summary>Fire OnSite --restore-service--> ServiceRestored (the machine records where it leads; the ticket moves only when it applies the event).</summary>
    [Benchmark]
    public TicketState Fire() => TicketMachine.Decide(onSite, TicketTrigger.RestoreService, at);

    /// <summary>Fire OnSite --deliver-repair-plan--> OnSite: an internal transition configured on the superstate Open.</summary>
    [Benchmark]
    public TicketState FireInternalOnSuperstate() => TicketMachine.Decide(onSite, TicketTrigger.DeliverRepairPlan, at);

    /// <summary>What a command asks before it appends: <c>CanFire</c>, with the reasons if refused.</summary>
    [Benchmark]
    public void EnsurePermitted() => TicketMachine.EnsurePermitted(onSite, TicketTrigger.DeliverRepairPlan, at);

    /// <summary>The commands permitted on site, in enum order: the guards' outcomes, then the answer remembered for them.</summary>
    [Benchmark]
    public int PermittedTriggers() => TicketMachine.PermittedTriggers(onSite, at).Count;

    /// <summary>The same list asked of Stateless afresh (what every read of a ticket paid before the answers were remembered).</summary>
    [Benchmark]
    public int PermittedTriggersAskingStateless() => TicketMachine.PermittedTriggersAskingStateless(onSite, at).Count;

    /// <summary>Configuring the workflow on a new Stateless machine: what one machine per loaded ticket would cost.</summary>
    [Benchmark]
    public object ConfigureMachine() => new TicketMachine();
}
