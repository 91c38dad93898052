using AfterSales.Workflow;
using FsCheck;
using FsCheck.Fluent;

namespace AfterSales.Tests.Workflow;

/// <summary>
/// The compiled engine against a naive interpreter of the same listed transitions: for random
/// trigger sequences (with the guards' inputs changing between steps), both accept and reject the
/// same triggers, reach the same states and run the same entry/exit/internal actions in the same order.
/// </summary>
public class StateMachinePropertyTests
{
    private static readonly StateMachineDefinition<SampleState, SampleTrigger, SampleContext> Machine = SampleMachine.Definition;
    private static readonly int TriggerCount = Enum.GetValues<SampleTrigger>().Length;

    [Fact]
    public void Fire_RandomTriggerSequences_AgreesWithNaiveReferenceInterpreter()
    {
        // A step is a trigger and four guard inputs packed in one number, so shrinking stays simple.
        Arbitrary<int[]> steps = Gen.Choose(0, (TriggerCount * 16) - 1).ArrayOf().ToArbitrary();

        Prop.ForAll(steps, static sequence => Agrees(sequence))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2_000));
    }

    private static bool Agrees(int[] sequence)
    {
        var engineContext = new SampleContext();
        var referenceContext = new SampleContext();
        SampleState engineState = Machine.InitialState;
        SampleState referenceState = Machine.InitialState;
        foreach (int step in sequence)
        {
            var trigger = (SampleTrigger)(step % TriggerCount);
            int flags = step / TriggerCount;
            SetFlags(engineContext, flags);
            SetFlags(referenceContext, flags);

            bool canFire = Machine.CanFire(engineState, trigger, engineContext);
            bool engineAccepted;
            try
            {
                engineState = Machine.Fire(engineState, trigger, engineContext);
                engineAccepted = true;
            }
            catch (InvalidTransitionException)
            {
                engineAccepted = false;
            }

            bool referenceAccepted = Reference.TryFire(ref referenceState, trigger, referenceContext);
            if (engineAccepted != referenceAccepted || canFire != referenceAccepted || engineState != referenceState
                || !engineContext.Log.SequenceEqual(referenceContext.Log) || engineContext.Ticks != referenceContext.Ticks)
            {
                return false;
            }
        }

        return true;
    }

    private static void SetFlags(SampleContext context, int flags)
    {
        context.SignedOff = (flags & 1) != 0;
        context.Rated = (flags & 2) != 0;
        context.WriteOffApproved = (flags & 4) != 0;
        context.VendorAnswered = (flags & 8) != 0;
    }

    /// <summary>Interprets <see cref="StateMachineDefinition{TState, TTrigger, TContext}.Transitions"/> directly, the slow and obvious way.</summary>
    private static class Reference
    {
        public static bool TryFire(ref SampleState state, SampleTrigger trigger, SampleContext context)
        {
            for (SampleState? owner = state; owner is { } o; owner = Machine.GetSuperstate(o))
            {
                foreach (TransitionDescription<SampleState, SampleTrigger> t in Machine.Transitions)
                {
                    if (t.Source != o || t.Trigger != trigger || !t.GuardDescriptions.All(g => SampleMachine.Guards[g](context)))
                    {
                        continue;
                    }

                    Take(ref state, t, context);
                    return true;
                }
            }

            return false;
        }

        private static void Take(ref SampleState state, TransitionDescription<SampleState, SampleTrigger> t, SampleContext context)
        {
            var transition = new Transition<SampleState, SampleTrigger>(state, t.Trigger, t.Destination, t.Kind);
            switch (t.Kind)
            {
                case TransitionKind.Ignore:
                    return;
                case TransitionKind.Internal:
                    context.Ticks++;
                    context.Log.Add($"internal {t.Trigger} in {state}");
                    return;
            }

            List<SampleState> from = Ancestry(state);
            List<SampleState> to = Ancestry(t.Destination);
            if (t.Kind == TransitionKind.Reentry)
            {
                // Leave up to and including the state the reentry is configured on, enter it again.
                foreach (SampleState s in from.TakeWhile(s => s != t.Source).Append(t.Source))
                {
                    context.Log.Add(SampleMachine.Describe("exit", s, transition));
                }

                context.Log.Add(SampleMachine.Describe("enter", t.Source, transition));
            }
            else
            {
                foreach (SampleState s in from.Where(s => !to.Contains(s)))
                {
                    context.Log.Add(SampleMachine.Describe("exit", s, transition));
                }

                foreach (SampleState s in to.Where(s => !from.Contains(s)).Reverse())
                {
                    context.Log.Add(SampleMachine.Describe("enter", s, transition));
                }
            }

            state = t.Destination;
        }

        /// <summary>The state, then its superstate, and so on.</summary>
        private static List<SampleState> Ancestry(SampleState state)
        {
            var chain = new List<SampleState>();
            for (SampleState? s = state; s is { } x; s = Machine.GetSuperstate(x))
            {
                chain.Add(x);
            }

            return chain;
        }
    }
}
