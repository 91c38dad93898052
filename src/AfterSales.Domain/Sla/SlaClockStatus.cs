namespace AfterSales.Sla;

/// <summary>Where an SLA clock stands.</summary>
public enum SlaClockStatus
{
    /// <summary>The clock waits for its start anchor (e.g. a restore target counted from arrival, before arrival).</summary>
    NotStarted,

    /// <summary>Counting, not yet due.</summary>
    Running,

    /// <summary>Waiting for the customer: not counting; the due instant shown assumes work resumes now.</summary>
    Paused,

    /// <summary>The stopping milestone was reached at or before the due instant.</summary>
    Met,

    /// <summary>The stopping milestone was reached after the due instant.</summary>
    MetLate,

    /// <summary>Not stopped, and now is after the due instant (超时).</summary>
    Breached,

    /// <summary>The target no longer applies: its waiver milestone came in time (e.g. no loaner needed, R-SLA-5).</summary>
    Waived,
}
