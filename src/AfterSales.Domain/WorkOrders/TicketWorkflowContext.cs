namespace AfterSales.WorkOrders;

/// <summary>
/// What the guards of <see cref="TicketWorkflow"/> read (工单流转条件): the facts of a ticket that
/// decide whether a trigger is permitted, and the instant of the decision. A small immutable value;
/// <see cref="Ticket"/> builds it for each command, and integrators may build one to ask the
/// workflow directly.
/// </summary>
public readonly struct TicketWorkflowContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="now">The instant of the decision (the observation guard compares against it).</param>
    /// <param name="pausedFrom">The state the ticket paused from, while waiting for the customer.</param>
    /// <param name="remoteDiagnosisTried">Whether remote diagnosis was started in the current cycle (R-WO-2).</param>
    /// <param name="signedOff">Whether the customer signed the service report with a satisfaction rating (R-WO-8).</param>
    /// <param name="observationStartedAt">When the observation period started, if it did.</param>
    /// <param name="observationPeriod">The policy's observation period (运行观察期).</param>
    /// <param name="quoteSubmitted">Whether a quote for paid work has been submitted (R-WO-7); the default value is false.</param>
    /// <param name="partsMayBeReplaced">Whether parts may be replaced now: free work, or paid work with an accepted quote (R-WO-7); the default value is true.</param>
    public TicketWorkflowContext(
        Instant now,
        TicketState? pausedFrom,
        bool remoteDiagnosisTried,
        bool signedOff,
        Instant? observationStartedAt,
        Duration observationPeriod,
        bool quoteSubmitted = false,
        bool partsMayBeReplaced = true)
    {
        QuoteSubmitted = quoteSubmitted;
        PartsMayBeReplaced = partsMayBeReplaced;
        Now = now;
        PausedFrom = pausedFrom;
        RemoteDiagnosisTried = remoteDiagnosisTried;
        SignedOff = signedOff;
        ObservationStartedAt = observationStartedAt;
        ObservationPeriod = observationPeriod;
    }

    /// <summary>The instant of the decision.</summary>
    public Instant Now { get; }

    /// <summary>The state the ticket paused from (暂停前状态), while waiting for the customer.</summary>
    public TicketState? PausedFrom { get; }

    /// <summary>Whether remote diagnosis was started in the current cycle (R-WO-2).</summary>
    public bool RemoteDiagnosisTried { get; }

    /// <summary>Whether the customer signed the service report with a satisfaction rating (R-WO-8).</summary>
    public bool SignedOff { get; }

    /// <summary>When the observation period (运行观察期) started, if it did.</summary>
    public Instant? ObservationStartedAt { get; }

    /// <summary>The policy's observation period (运行观察期).</summary>
    public Duration ObservationPeriod { get; }

    /// <summary>Whether the observation period has elapsed at <see cref="Now"/> (R-WO-4).</summary>
    public bool ObservationElapsed => ObservationStartedAt is { } started && Now - started >= ObservationPeriod;

    /// <summary>Whether a quote for paid work has been submitted to the customer.</summary>
    public bool QuoteSubmitted { get; }

    /// <summary>Whether parts may be replaced: the job is covered, or the customer accepted the quote (R-WO-7).</summary>
    public bool PartsMayBeReplaced { get; }
}
