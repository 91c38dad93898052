namespace AfterSales.Quality.Complaints;

/// <summary>
/// A complaint refused an intent because a rule of its life does not allow it now, e.g. closing
/// before the customer is satisfied (R-CP-4). Carries the state, the trigger and the unmet guard.
/// </summary>
public sealed class ComplaintTransitionException : AfterSalesException
{
    internal ComplaintTransitionException(string complaintId, ComplaintStatus status, string trigger, string unmetGuard, string hint)
        : base($"Complaint '{complaintId}' in state '{status}' does not permit '{trigger}': {unmetGuard}. {hint}")
    {
        ComplaintId = complaintId;
        Status = status;
        Trigger = trigger;
        UnmetGuard = unmetGuard;
    }

    /// <summary>The complaint's id.</summary>
    public string ComplaintId { get; }

    /// <summary>The complaint's state when the intent was refused.</summary>
    public ComplaintStatus Status { get; }

    /// <summary>The refused intent, e.g. <c>"Close"</c>.</summary>
    public string Trigger { get; }

    /// <summary>The rule that was not met.</summary>
    public string UnmetGuard { get; }
}
