namespace AfterSales.Workflow;

/// <summary>What firing a configured trigger does.</summary>
public enum TransitionKind
{
    /// <summary>
    /// Moves to another state: exit actions run for the states left, entry actions for the states
    /// entered (<c>Permit</c>, <c>PermitIf</c>).
    /// </summary>
    Permit = 0,

    /// <summary>
    /// Leaves and re-enters the configured state: its exit and entry actions run
    /// (<c>PermitReentry</c>, <c>PermitReentryIf</c>).
    /// </summary>
    Reentry = 1,

    /// <summary>
    /// The trigger is accepted and nothing happens: no action runs and the state does not change
    /// (<c>Ignore</c>, <c>IgnoreIf</c>).
    /// </summary>
    Ignore = 2,

    /// <summary>
    /// The trigger runs an action without leaving the state: no exit or entry action runs
    /// (<c>InternalTransition</c>, <c>InternalTransitionIf</c>).
    /// </summary>
    Internal = 3,
}
