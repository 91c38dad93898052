using AfterSales.Workflow;

namespace AfterSales.Tests.Workflow;

public enum SampleState
{
    Idle = 0,
    Active = 1,
    Working = 2,
    Waiting = 3,
    Paused = 4,
    Blocked = 5,
    Done = 6,
    Cancelled = 7,
}

public enum SampleTrigger
{
    Start = 0,
    Pause = 1,
    Block = 2,
    Resume = 3,
    Finish = 4,
    Cancel = 5,
    Restart = 6,
    Noise = 7,
    Tick = 8,
    Reopen = 9,
}

/// <summary>What the sample machine's guards read and its actions write.</summary>
public sealed class SampleContext
{
    public bool SignedOff { get; set; }

    public bool Rated { get; set; }

    public bool WriteOffApproved { get; set; }

    public bool VendorAnswered { get; set; }

    public int Ticks { get; set; }

    public List<string> Log { get; } = [];
}

/// <summary>
/// A small machine with every verb: nested superstates (Active ⊃ Working, Waiting ⊃ Paused, Blocked),
/// several guarded alternatives for one trigger, a multi-guard transition, a guarded transition on
/// a substate that falls back to its superstate, reentry, ignore, an internal transition.
/// </summary>
public static class SampleMachine
{
    public const string SignedOff = "customer has signed off";
    public const string Rated = "customer has rated the service";
    public const string WriteOff = "write-off approved";
    public const string VendorAnswered = "vendor answered";

    public static readonly StateMachineDefinition<SampleState, SampleTrigger, SampleContext> Definition = Create().Build(SampleState.Idle, SampleState.Done, SampleState.Cancelled);

    /// <summary>The guards by description, for the reference interpreter.</summary>
    public static readonly IReadOnlyDictionary<string, Func<SampleContext, bool>> Guards = new Dictionary<string, Func<SampleContext, bool>>
    {
        [SignedOff] = static c => c.SignedOff,
        [Rated] = static c => c.Rated,
        [WriteOff] = static c => c.WriteOffApproved,
        [VendorAnswered] = static c => c.VendorAnswered,
    };

    public static StateMachineBuilder<SampleState, SampleTrigger, SampleContext> Create()
    {
        var builder = new StateMachineBuilder<SampleState, SampleTrigger, SampleContext>();
        Logged(builder.Configure(SampleState.Idle))
            .Permit(SampleTrigger.Start, SampleState.Working)
            .Permit(SampleTrigger.Cancel, SampleState.Cancelled)
            .Ignore(SampleTrigger.Noise);
        Logged(builder.Configure(SampleState.Active))
            .Permit(SampleTrigger.Cancel, SampleState.Cancelled)
            .InternalTransition(SampleTrigger.Tick, static (c, t) =>
            {
                c.Ticks++;
                c.Log.Add($"internal {t.Trigger} in {t.Source}");
            });
        Logged(builder.Configure(SampleState.Working))
            .SubstateOf(SampleState.Active)
            .Permit(SampleTrigger.Pause, SampleState.Paused)
            .Permit(SampleTrigger.Block, SampleState.Blocked)
            .PermitIf(SampleTrigger.Finish, SampleState.Done,
                new GuardCondition<SampleContext>(static c => c.SignedOff, SignedOff),
                new GuardCondition<SampleContext>(static c => c.Rated, Rated))
            .PermitIf(SampleTrigger.Finish, SampleState.Cancelled, guard: static c => c.WriteOffApproved, WriteOff)
            .PermitReentry(SampleTrigger.Restart);
        Logged(builder.Configure(SampleState.Waiting))
            .SubstateOf(SampleState.Active)
            .Permit(SampleTrigger.Resume, SampleState.Working)
            .Ignore(SampleTrigger.Noise);
        Logged(builder.Configure(SampleState.Paused))
            .SubstateOf(SampleState.Waiting)
            .Permit(SampleTrigger.Block, SampleState.Blocked);
        Logged(builder.Configure(SampleState.Blocked))
            .SubstateOf(SampleState.Waiting)
            .PermitIf(SampleTrigger.Resume, SampleState.Paused, static c => c.VendorAnswered, VendorAnswered);
        Logged(builder.Configure(SampleState.Done))
            .Permit(SampleTrigger.Reopen, SampleState.Working);
        Logged(builder.Configure(SampleState.Cancelled));
        return builder;
    }

    public static string Describe(string verb, SampleState state, Transition<SampleState, SampleTrigger> t)
        => $"{verb} {state} ({t.Source}->{t.Destination} by {t.Trigger}, {t.Kind})";

    private static StateConfiguration<SampleState, SampleTrigger, SampleContext> Logged(StateConfiguration<SampleState, SampleTrigger, SampleContext> configuration)
    {
        SampleState state = configuration.State;
        return configuration
            .OnExit((c, t) => c.Log.Add(Describe("exit", state, t)))
            .OnEntry((c, t) => c.Log.Add(Describe("enter", state, t)));
    }
}
