namespace AfterSales.Sla;

/// <summary>
/// What a change of severity (重新定级, R-SEV-2, R-SEV-5) does to the clocks still open: the contract
/// chooses. Clocks that stopped before the change keep the target they stopped under either way.
/// </summary>
public enum ReclassificationRule
{
    /// <summary>
    /// The new severity's target applies from the clock's original start; elapsed and paused time
    /// are kept, so an upward change can breach at once (the default, and 0.1's rule).
    /// </summary>
    KeepElapsed = 0,

    /// <summary>The open clock starts again at the change, under the new severity's target (some
    /// contracts count a re-graded fault as a new report).</summary>
    RestartAtChange = 1,
}
