namespace AfterSales.Sla;

/// <summary>A policy's choices about clocks that restart, pauses and agreed dates (issue 17 §3–§4), kept together so the policy's constructor stays short.</summary>
internal sealed record SlaPolicyOptions(IReadOnlyList<PauseReason> PauseReasons, NegotiatedDueDates NegotiatedDueDates, ReopeningRule Reopening)
{
    public static SlaPolicyOptions Default { get; } = new(PauseReason.WellKnown, NegotiatedDueDates.NeverEarlierThanPolicy, ReopeningRule.NewCycle);
}
