using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Stateless;
using Stateless.Reflection;

namespace AfterSales.WorkOrders;

/// <summary>
/// <see cref="TicketWorkflow"/>'s Stateless machine, bound to one ticket for the length of one call.
/// Its external state storage reads the bound ticket's <see cref="Ticket.State"/> and records where
/// a fired trigger leads without writing the ticket: the machine decides, and the ticket moves only
/// when it applies the event (live or replayed). The guards read the ticket's facts and the instant
/// of the decision.
/// </summary>
/// <remarks>
/// <para>Stateless keeps a machine's configuration in the machine itself, and configuring this
/// workflow costs about 23 KB and several microseconds (benchmarks/README.md) — more than a whole
/// command's budget — so each thread configures one machine, once, and binds it to the ticket at
/// hand instead of configuring one per loaded ticket. A call is synchronous and unbinds before it
/// returns, so the binding never crosses threads; a re-entrant call (made while the thread's machine
/// is bound) configures a machine of its own.</para>
/// <para>Commands and replay ask <c>CanFire</c> (hundreds of bytes); firing (kilobytes: Stateless
/// walks the superstates it exits and enters) is only for <see cref="Check"/>'s destination.</para>
/// </remarks>
internal sealed class TicketMachine
{
    // The triggers Stateless permits, by state and the outcomes of TicketWorkflow.Guards (one bit
    // each): every transition takes its guards from that table, so these decide the answer. Asking
    // Stateless costs about 8 KB and microseconds (its permitted-trigger walk allocates even when it
    // completes synchronously), and every ticket a client reads or changes lists its permitted
    // commands; a few dozen combinations occur.
    private static readonly ConcurrentDictionary<long, IReadOnlyList<TicketTrigger>> PermittedByOutcome = new();

    [ThreadStatic]
    private static TicketMachine? perThread;

    private readonly StateMachine<TicketState, TicketTrigger> machine;
    private Ticket? ticket;
    private TicketState? decision;

    /// <summary>Configures a machine (what a thread's first call pays; benchmarks measure it).</summary>
    internal TicketMachine()
    {
        machine = new StateMachine<TicketState, TicketTrigger>(ReadState, WriteState, FiringMode.Immediate);
        TicketWorkflow.Configure(machine, this);
        machine.OnUnhandledTrigger(Refuse);
    }

    /// <summary>The ticket the machine is bound to; the guards read its facts.</summary>
    internal Ticket Ticket => ticket ?? throw new InvalidOperationException("The ticket workflow was asked about no ticket.");

    /// <summary>The instant of the decision (the observation guard compares against it).</summary>
    internal Instant At { get; private set; }

    /// <summary>Throws an <see cref="InvalidTransitionException"/> with the reasons unless <paramref name="trigger"/> is permitted at <paramref name="at"/>.</summary>
    public static void EnsurePermitted(Ticket ticket, TicketTrigger trigger, Instant at)
    {
        using var bound = Bind(ticket, at);
        var m = bound.Machine;
        if (!m.machine.CanFire(trigger, out var unmet))
        {
            m.Refuse(ticket.State, trigger, unmet);
        }
    }

    /// <summary>Fires <paramref name="trigger"/> at <paramref name="at"/> and returns where it leads, leaving the ticket as it is; a refusal throws an <see cref="InvalidTransitionException"/>.</summary>
    public static TicketState Decide(Ticket ticket, TicketTrigger trigger, Instant at)
    {
        using var bound = Bind(ticket, at);
        var m = bound.Machine;
        m.machine.Fire(trigger);
        return m.decision ?? ticket.State;
    }

    /// <summary>Whether <paramref name="trigger"/> is permitted at <paramref name="at"/>.</summary>
    public static bool CanFire(Ticket ticket, TicketTrigger trigger, Instant at)
    {
        using var bound = Bind(ticket, at);
        return bound.Machine.machine.CanFire(trigger);
    }

    /// <summary>Whether <paramref name="trigger"/> is permitted at <paramref name="at"/>, where it leads, or why not.</summary>
    public static TicketCommandCheck Check(Ticket ticket, TicketTrigger trigger, Instant at)
    {
        using var bound = Bind(ticket, at);
        var m = bound.Machine;
        var state = ticket.State;
        if (!m.machine.CanFire(trigger, out var unmet))
        {
            return TicketCommandCheck.Refused(state, trigger, unmet is null ? [] : [.. unmet], m.Permitted());
        }

        // Stateless tells where a trigger leads only by firing it; the fire is recorded, not applied.
        m.machine.Fire(trigger);
        return TicketCommandCheck.Permitted(state, trigger, m.decision ?? state);
    }

    /// <summary>The triggers permitted at <paramref name="at"/>, in enum order.</summary>
    public static IReadOnlyList<TicketTrigger> PermittedTriggers(Ticket ticket, Instant at)
    {
        using var bound = Bind(ticket, at);
        return bound.Machine.Permitted();
    }

    /// <summary>The triggers Stateless permits at <paramref name="at"/>, asked afresh (what <see cref="PermittedTriggers"/> remembers by guard outcomes).</summary>
    internal static IReadOnlyList<TicketTrigger> PermittedTriggersAskingStateless(Ticket ticket, Instant at)
    {
        using var bound = Bind(ticket, at);
        return bound.Machine.AskStateless();
    }

    /// <summary>Whether the ticket is in <paramref name="stateOrSuperstate"/> or one of its substates.</summary>
    public static bool IsInState(Ticket ticket, TicketState stateOrSuperstate)
    {
        using var bound = Bind(ticket, default);
        return bound.Machine.machine.IsInState(stateOrSuperstate);
    }

    /// <summary>Stateless's description of the workflow, from a machine bound to no ticket (whose state reads as the initial one).</summary>
    public static StateMachineInfo GetInfo() => new TicketMachine().machine.GetInfo();

    /// <summary>The thread's machine bound to <paramref name="ticket"/> until the binding is disposed.</summary>
    private static Binding Bind(Ticket ticket, Instant at)
    {
        var m = perThread;
        if (m is null || m.ticket is not null)
        {
            m = new TicketMachine();
            perThread ??= m;
        }

        m.ticket = ticket;
        m.At = at;
        return new Binding(m);
    }

    /// <summary>A machine bound to a ticket for one call; disposing unbinds it.</summary>
    private readonly ref struct Binding(TicketMachine machine)
    {
        public TicketMachine Machine => machine;

        public void Dispose()
        {
            machine.ticket = null;
            machine.decision = null;
        }
    }

    // Unbound (when Stateless reads the initial state while it is configured, and in GetInfo), the
    // machine stands where every ticket starts.
    private TicketState ReadState() => decision ?? ticket?.State ?? TicketState.Reported;

    private void WriteState(TicketState state) => decision = state;

    [DoesNotReturn]
    private void Refuse(TicketState state, TicketTrigger trigger, ICollection<string>? unmetGuards) =>
        throw new InvalidTransitionException(state, trigger, unmetGuards is null ? [] : [.. unmetGuards], Permitted());

    private IReadOnlyList<TicketTrigger> Permitted()
    {
        var guards = TicketWorkflow.Guards;
        var outcomes = 0u;
        for (var i = 0; i < guards.Count; i++)
        {
            if (guards[i].Holds(Ticket, At))
            {
                outcomes |= 1u << i;
            }
        }

        var key = ((long)ReadState() << 32) | outcomes;
        if (!PermittedByOutcome.TryGetValue(key, out var permitted))
        {
            permitted = PermittedByOutcome.GetOrAdd(key, Array.AsReadOnly(AskStateless()));
        }

        return permitted;
    }

    /// <summary>The triggers Stateless permits the bound ticket at <see cref="At"/>, in enum order, asked afresh.</summary>
    private TicketTrigger[] AskStateless()
    {
        // Stateless 5.20 marks the synchronous GetPermittedTriggers obsolete and runs it through
        // Task.Run; the asynchronous one completes synchronously when no guard is asynchronous, as here.
        var pending = machine.GetPermittedTriggersAsync();
        if (!pending.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException("The ticket workflow has an asynchronous guard; it must not.");
        }

        var permitted = pending.Result.ToArray();
        Array.Sort(permitted);
        return permitted;
    }
}
