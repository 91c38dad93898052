using AfterSales.Sla;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

/// <summary>Random command sequences with advancing fake time never leave a ticket inconsistent.</summary>
public sealed class TicketPropertyTests
{
    private static readonly long[] Advances = [0, 1, 7, 30, 90, 600, 1440, 4320, 10080];
    private static readonly string[] Severities = ["A", "B", "C", "D", "E", " "];

    /// <summary>One step: advance the clock, then fire one command (with possibly bad input).</summary>
    /// <remarks>A guided step fires one of the triggers permitted now (picked by <c>Pick</c>), so sequences reach deep states
    /// (observation, close, re-open); an unguided one fires <c>Trigger</c>, usually rejected.</remarks>
    public sealed record Step(TicketTrigger Trigger, bool Guided, int Pick, long AdvanceMinutes, string Severity, int Satisfaction, bool BlankText, long BackdateMinutes)
    {
        public override string ToString() =>
            $"+{AdvanceMinutes}m {(Guided ? "guided " + Pick : Trigger.ToString())}{(BlankText ? " (blank)" : "")} {Severity} {Satisfaction}{(BackdateMinutes > 0 ? $" as of -{BackdateMinutes}m" : "")}";
    }

    /// <summary>The bound on back-dating the properties use: a step back-dated further is refused.</summary>
    private static readonly Duration MaxBackdating = Duration.FromHours(24);

    private static readonly Gen<Step> StepGen =
        from trigger in Gen.Elements(Enum.GetValues<TicketTrigger>())
        from guided in Gen.Frequency((7, Gen.Constant(true)), (3, Gen.Constant(false)))
        from pick in Gen.Choose(0, 100)
        from advance in Gen.Elements(Advances)
        from severity in Gen.Elements(Severities)
        from satisfaction in Gen.Choose(0, 6)
        from blank in Gen.Frequency((9, Gen.Constant(false)), (1, Gen.Constant(true)))
        from backdate in Gen.Frequency((6, Gen.Constant(0L)), (3, Gen.Elements(1L, 5L, 30L, 600L)), (1, Gen.Elements(2000L, 100_000L)))
        select new Step(trigger, guided, pick, advance, severity, satisfaction, blank, backdate);

    /// <summary>Step sequences, three steps for each unit of FsCheck's size.</summary>
    public static class Sequences
    {
        public static Arbitrary<Step[]> Steps { get; } = Gen.Sized(size => Gen.ArrayOf(StepGen, Math.Max(size, 1) * 3)).ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Sequences) }, MaxTest = 100)]
    public void RandomCommandSequences_KeepTheAggregateConsistent_ReplayEqualsLiveAndClocksEqualTheEvaluator(Step[] steps)
    {
        var (t, clock) = Play(steps, FakeClock.FromUtc(2026, 9, 28, 1, 0, 0));
        AssertConsistent(t, clock.GetCurrentInstant());
    }

    [Property(Arbitrary = new[] { typeof(Sequences) }, MaxTest = 1000)]
    public void RandomCommandSequences_ManyCases_NeverAppendOnRejectionNorAfterClosed(Step[] steps)
    {
        var (t, clock) = Play(steps, FakeClock.FromUtc(2026, 1, 30, 1, 0, 0));
        AssertConsistent(t, clock.GetCurrentInstant());
    }

    /// <summary>The guided steps must reach the deep end of the workflow, or the properties prove little. Draws as
    /// many sequences as the property above runs, at the sizes it runs them (1 to 100).</summary>
    [Fact]
    public void RandomCommandSequences_ReachClosedReopenedAndCancelledTickets()
    {
        int closed = 0, reopened = 0, cancelled = 0, rmaBack = 0, reviewed = 0, backedUp = 0, backdated = 0;
        foreach (var steps in Enumerable.Range(1, 100).SelectMany(size => Sequences.Steps.Generator.Sample(numberOfSamples: 10, size: size)))
        {
            var (t, _) = Play(steps, FakeClock.FromUtc(2026, 1, 30, 1, 0, 0));
            closed += t.State == TicketState.Closed ? 1 : 0;
            cancelled += t.State == TicketState.Cancelled ? 1 : 0;
            reopened += t.Cycle > 1 ? 1 : 0;
            rmaBack += t.Rmas.Any(static r => !r.IsOut) ? 1 : 0;
            reviewed += t.LastLegacyReview is not null ? 1 : 0;
            backedUp += t.DataBackupRequired && t.Events.Any(static e => e.Kind == TicketEventKind.ServiceRestored) ? 1 : 0;
            backdated += t.Events.Any(static e => e.RecordedAt is not null) ? 1 : 0;
        }

        Assert.True(closed > 0 && reopened > 0 && cancelled > 0 && rmaBack > 0 && reviewed > 0 && backedUp > 0 && backdated > 0,
            $"closed {closed}, re-opened {reopened}, cancelled {cancelled}, RMA back {rmaBack}, reviewed {reviewed}, restored after a backup {backedUp}, back-dated {backdated}");
    }

    private static (Ticket Ticket, FakeClock Clock) Play(Step[] steps, FakeClock clock)
    {
        // Half the sequences run under a contract that asks for a data backup before on-site changes (R-WO-7).
        var t = steps.Length % 2 == 0
            ? Tickets.New(clock)
            : Ticket.Report(Tickets.Report() with { Entitlement = new AfterSales.Entitlements.TicketEntitlement { Status = AfterSales.Entitlements.EntitlementStatus.Covered, DataBackupRequired = true } }, Tickets.Policy, clock);
        foreach (var step in steps)
        {
            clock.AdvanceMinutes(step.AdvanceMinutes);
            Fire(t, step, clock);
        }

        return (t, clock);
    }

    private static void Fire(Ticket t, Step step, FakeClock clock)
    {
        // The permitted commands are remembered by state and guard outcomes: they must be what Stateless says now.
        Assert.Equal(TicketMachine.PermittedTriggersAskingStateless(t, clock.GetCurrentInstant()), t.PermittedTriggers());
        if (step.Guided && t.PermittedTriggers() is { Count: > 0 } permitted)
        {
            step = step with { Trigger = permitted[step.Pick % permitted.Count] };
        }

        var before = t.Events.ToArray();
        var wasFinished = t.IsFinished;
        var now = clock.GetCurrentInstant();
        var occurredAt = step.BackdateMinutes > 0 ? now - Duration.FromMinutes(step.BackdateMinutes) : (Instant?)null;
        var backdatable = occurredAt is not { } o || (o >= t.LastEventAt && now - o <= MaxBackdating);
        var check = occurredAt is { } at && backdatable ? t.Check(step.Trigger, at) : t.Check(step.Trigger);
        var text = step.BlankText ? " " : "说明";
        try
        {
            if (occurredAt is { } at2)
            {
                t.Backdate(at2, MaxBackdating, x => Run(x, step, text));
            }
            else
            {
                Run(t, step, text);
            }
        }
        catch (ArgumentOutOfRangeException ex) when (ex.ParamName == "occurredAt")
        {
            Assert.False(backdatable, $"{step}: a back-dating within the limits was refused: {ex.Message}");
            Assert.Equal(before, t.Events);
            return;
        }
        catch (InvalidTransitionException ex)
        {
            Assert.False(check.IsPermitted, $"{step}: the check said permitted, the command said {ex.Message}");
            Assert.Equal(before, t.Events);
            return;
        }
        catch (ArgumentException)
        {
            Assert.Equal(before, t.Events);
            return;
        }

        Assert.True(check.IsPermitted, $"{step} succeeded although the check said {check}");
        Assert.False(wasFinished, $"{step}: an event was appended after {before[^1].Kind}");
        Assert.Equal(before.Length + 1, t.Events.Count);
        Assert.Equal(before, t.Events.Take(before.Length));
        Assert.Equal(before.Length + 1, t.Version);
        Assert.Equal(t.Version, t.Events[^1].Version);
        Assert.True(backdatable, $"{step}: a back-dating outside the limits was accepted");
        Assert.Equal(occurredAt ?? now, t.Events[^1].At);
        Assert.Equal(occurredAt is null ? null : now, t.Events[^1].RecordedAt);
        Assert.Equal(check.Destination, t.State);
    }

    private static void Run(Ticket t, Step step, string text)
    {
        switch (step.Trigger)
        {
            case TicketTrigger.Acknowledge: t.Acknowledge(); break;
            case TicketTrigger.StartRemoteDiagnosis: t.StartRemoteDiagnosis(); break;
            case TicketTrigger.ResolveRemotely: t.ResolveRemotely(text); break;
            case TicketTrigger.Dispatch: t.Dispatch(text); break;
            case TicketTrigger.ArriveOnSite: t.ArriveOnSite(); break;
            case TicketTrigger.EscalateToVendor: t.EscalateToVendor(text); break;
            case TicketTrigger.RestoreService: t.RestoreService(); break;
            case TicketTrigger.Resolve: t.Resolve(text); break;
            case TicketTrigger.StartObservation: t.StartObservation(); break;
            case TicketTrigger.SignOff: t.SignOff(text, step.Satisfaction); break;
            case TicketTrigger.Close: t.Close(); break;
            case TicketTrigger.Reopen: t.Reopen(text); break;
            case TicketTrigger.WaitForCustomer when step.Pick % 2 == 0: t.WaitForCustomer(text); break;
            case TicketTrigger.WaitForCustomer: t.Pause(PauseReason.WellKnown[step.Pick % PauseReason.WellKnown.Count], text); break;
            case TicketTrigger.Resume: t.Resume(); break;
            case TicketTrigger.Reclassify: t.Reclassify(step.Severity, text); break;
            case TicketTrigger.DeliverRepairPlan: t.DeliverRepairPlan(text); break;
            case TicketTrigger.ProvideLoaner:
                if (step.BlankText)
                {
                    t.ProvideLoaner();
                }
                else
                {
                    t.ProvideLoaner(new TicketLoaner { UnitSerialNumber = "LN-" + (step.Pick % 3), PartNumber = "LOANER", Grade = step.Satisfaction });
                }

                break;
            case TicketTrigger.ReturnLoaner: t.ReturnLoaner(t.Loaners.FirstOrDefault(static l => l.IsOut)?.Loaner.UnitSerialNumber ?? "LN-9"); break;
            case TicketTrigger.Cancel: t.Cancel(text); break;
            case TicketTrigger.SubmitQuote: t.SubmitQuote(Tickets.Quote(t, "Q-" + step.Pick, step.Satisfaction * 100m)); break;
            case TicketTrigger.SendForRma: t.SendForRma("RMA-" + (step.Pick % 3), step.BlankText ? "a/b" : "P-1"); break;
            case TicketTrigger.ReceiveRmaReturn: t.ReceiveRmaReturn(t.Rmas.FirstOrDefault(static r => r.IsOut)?.RmaNumber ?? "RMA-9", (RmaOutcome)(step.Satisfaction % 4)); break;
            case TicketTrigger.ReviewLegacyIssue: t.ReviewLegacyIssue(text, text); break;
            case TicketTrigger.ConfirmDataBackup: t.ConfirmDataBackup(text); break;
            case TicketTrigger.AcceptQuote: t.AcceptQuote(step.BlankText ? "Q-x" : t.Quote?.QuoteId ?? "Q-x", text); break;
            case TicketTrigger.ReplaceParts: t.ReplaceParts(new TicketPartsExchange { OldPartNumber = "P-1", NewPartNumber = step.BlankText ? "P-9" : "P-1", SignedBy = text }); break;
            case TicketTrigger.ReceiveCustomerMessage: t.ReceiveCustomerMessage(text); break;
            case TicketTrigger.AnswerCustomer: t.AnswerCustomer(); break;
            case TicketTrigger.NegotiateDueDate:
                t.NegotiateDueDate(t.Policy.Metrics.ElementAt(step.Pick % t.Policy.Metrics.Count()), t.LastEventAt + Duration.FromMinutes(step.AdvanceMinutes * step.Satisfaction + step.Pick), text, text);
                break;
            default: throw new ArgumentOutOfRangeException(nameof(step));
        }
    }

    private static void AssertConsistent(Ticket t, Instant now)
    {
        Assert.Equal(Enumerable.Range(1, t.Events.Count), t.Events.Select(static e => e.Version));
        Assert.True(t.Events.Zip(t.Events.Skip(1)).All(static p => p.First.At <= p.Second.At), "event times never go back");
        var finishedAt = t.Events.ToList().FindIndex(static e => e.Kind is TicketEventKind.Closed or TicketEventKind.Cancelled);
        Assert.True(finishedAt < 0 || finishedAt == t.Events.Count - 1, "no event after Closed or Cancelled");

        var replayed = Ticket.FromEvents(t.Events, t.Policy, new FakeClock(now));
        TicketAssert.Identical(t, replayed);

        var expected = SlaEvaluator.Evaluate(t.Policy, t.Timeline, now).Select(static c => c.ToString()).ToArray();
        Assert.Equal(expected, t.Clocks(now).Select(static c => c.ToString()));
        Assert.Equal(expected, replayed.Clocks(now).Select(static c => c.ToString()));
    }
}
