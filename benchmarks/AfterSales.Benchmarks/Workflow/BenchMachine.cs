using AfterSales.Workflow;

namespace AfterSales.Benchmarks.Workflow;

public enum BenchState
{
    Reported = 0,
    Acknowledged = 1,
    Diagnosing = 2,
    Dispatched = 3,
    OnSite = 4,
    Restored = 5,
    Resolved = 6,
    Observing = 7,
    WaitingForCustomer = 8,
    Active = 9,
    Closed = 10,
    Cancelled = 11,
}

public enum BenchTrigger
{
    Acknowledge = 0,
    Diagnose = 1,
    ResolveRemotely = 2,
    Dispatch = 3,
    Arrive = 4,
    Restore = 5,
    Resolve = 6,
    SignOff = 7,
    Close = 8,
    Reopen = 9,
    Wait = 10,
    Resume = 11,
    Escalate = 12,
    Cancel = 13,
    Reclassify = 14,
    Note = 15,
}

public sealed class BenchContext
{
    public bool SignedOff { get; set; }

    public bool Rated { get; set; }

    public long Counter { get; set; }
}

/// <summary>A benchmark machine shaped like a ticket workflow; not the product's workflow.</summary>
public static class BenchMachine
{
    /// <summary>The naive table's "no transition" marker (not a declared state).</summary>
    public const BenchState None = (BenchState)(-1);

    public static StateMachineDefinition<BenchState, BenchTrigger, BenchContext> Build()
    {
        var b = new StateMachineBuilder<BenchState, BenchTrigger, BenchContext>();
        b.Configure(BenchState.Reported)
            .Permit(BenchTrigger.Acknowledge, BenchState.Acknowledged)
            .Permit(BenchTrigger.Cancel, BenchState.Cancelled)
            .Ignore(BenchTrigger.Note);
        b.Configure(BenchState.Active)
            .Permit(BenchTrigger.Cancel, BenchState.Cancelled)
            .Permit(BenchTrigger.Wait, BenchState.WaitingForCustomer)
            .PermitReentry(BenchTrigger.Reclassify)
            .Ignore(BenchTrigger.Note)
            .OnEntry(static (c, _) => c.Counter++)
            .OnExit(static (c, _) => c.Counter++);
        b.Configure(BenchState.Acknowledged).SubstateOf(BenchState.Active)
            .Permit(BenchTrigger.Diagnose, BenchState.Diagnosing);
        b.Configure(BenchState.Diagnosing).SubstateOf(BenchState.Active)
            .Permit(BenchTrigger.ResolveRemotely, BenchState.Restored)
            .Permit(BenchTrigger.Dispatch, BenchState.Dispatched)
            .PermitReentry(BenchTrigger.Escalate);
        b.Configure(BenchState.Dispatched).SubstateOf(BenchState.Active)
            .Permit(BenchTrigger.Arrive, BenchState.OnSite);
        b.Configure(BenchState.OnSite).SubstateOf(BenchState.Active)
            .Permit(BenchTrigger.Restore, BenchState.Restored)
            .OnEntry(static (c, _) => c.Counter++);
        b.Configure(BenchState.Restored).SubstateOf(BenchState.Active)
            .Permit(BenchTrigger.Resolve, BenchState.Resolved);
        b.Configure(BenchState.Resolved).SubstateOf(BenchState.Active)
            .PermitIf(BenchTrigger.SignOff, BenchState.Observing, guard: static c => c.Rated, "customer has rated the service")
            .PermitIf(BenchTrigger.Close, BenchState.Closed, guard: static c => c.SignedOff, "customer has signed off")
            .Permit(BenchTrigger.Reopen, BenchState.Diagnosing)
            .OnExit(static (c, _) => c.Counter++);
        b.Configure(BenchState.Observing).SubstateOf(BenchState.Active)
            .Permit(BenchTrigger.Close, BenchState.Closed)
            .Permit(BenchTrigger.Reopen, BenchState.Diagnosing);
        b.Configure(BenchState.WaitingForCustomer)
            .Permit(BenchTrigger.Resume, BenchState.Diagnosing)
            .Permit(BenchTrigger.Cancel, BenchState.Cancelled);
        b.Configure(BenchState.Closed)
            .Permit(BenchTrigger.Reopen, BenchState.Diagnosing)
            .OnEntry(static (c, _) => c.Counter++);
        return b.Build(BenchState.Reported, BenchState.Closed, BenchState.Cancelled);
    }

    public static BenchState[,] NaiveTable()
    {
        var table = new BenchState[12, 16];
        for (int s = 0; s < 12; s++)
        {
            for (int t = 0; t < 16; t++)
            {
                table[s, t] = None;
            }
        }

        table[(int)BenchState.Reported, (int)BenchTrigger.Acknowledge] = BenchState.Acknowledged;
        table[(int)BenchState.Resolved, (int)BenchTrigger.Close] = BenchState.Closed;
        table[(int)BenchState.Resolved, (int)BenchTrigger.SignOff] = BenchState.Observing;
        table[(int)BenchState.Resolved, (int)BenchTrigger.Reopen] = BenchState.Diagnosing;
        return table;
    }
}
