namespace AfterSales.Quality.Complaints;

/// <summary>
/// A complaint refused a step because a rule of its life does not allow it now, e.g. closing
/// before the customer is satisfied (R-CP-4). Carries the state, the step, the unmet guard and the
/// steps permitted instead, named as clients name them (<see cref="Complaint.PermittedCommands"/>).
/// </summary>
public sealed class ComplaintTransitionException : AfterSalesException
{
    internal ComplaintTransitionException(string complaintId, ComplaintStatus status, string command, string unmetGuard, string hint, IReadOnlyList<string> permittedCommands)
        : base($"Complaint '{complaintId}' in state '{status}' does not permit '{command}': {unmetGuard}. {hint}")
    {
        ComplaintId = complaintId;
        Status = status;
        Command = command;
        UnmetGuard = unmetGuard;
        PermittedCommands = permittedCommands;
    }

    /// <summary>The complaint's id.</summary>
    public string ComplaintId { get; }

    /// <summary>The complaint's state when the step was refused.</summary>
    public ComplaintStatus Status { get; }

    /// <summary>The refused step, e.g. <c>"close"</c>.</summary>
    public string Command { get; }

    /// <summary>The rule that was not met.</summary>
    public string UnmetGuard { get; }

    /// <summary>The steps the complaint accepted instead, e.g. <c>["verdict"]</c>; empty once closed.</summary>
    public IReadOnlyList<string> PermittedCommands { get; }
}
