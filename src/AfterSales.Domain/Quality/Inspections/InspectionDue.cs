namespace AfterSales.Quality.Inspections;

/// <summary>
/// One inspection a plan asks for on one device or site: its window, due date and status on the day of
/// evaluation. Immutable.
/// </summary>
/// <remarks>
/// Inspections are planned in days and months, not business hours, so this is a date-based
/// "clock" rather than an <see cref="Sla.SlaClock"/>: a window <c>[WindowStart, DueOn]</c>, done when a
/// record that <see cref="InspectionRecord.CountsAsDone">counts</see> falls within it, overdue
/// from the day after <see cref="DueOn"/>.
/// </remarks>
public sealed class InspectionDue
{
    internal InspectionDue(string planCode, InspectionSubject subject, LocalDate windowStart, LocalDate dueOn, InspectionStatus status, InspectionRecord? record, int daysOverdue)
    {
        PlanCode = planCode;
        Subject = subject;
        WindowStart = windowStart;
        DueOn = dueOn;
        Status = status;
        Record = record;
        DaysOverdue = daysOverdue;
    }

    /// <summary>The plan's code.</summary>
    public string PlanCode { get; }

    /// <summary>The device or site.</summary>
    public InspectionSubject Subject { get; }

    /// <summary>The first day the inspection may be done.</summary>
    public LocalDate WindowStart { get; }

    /// <summary>The last day it may be done on time.</summary>
    public LocalDate DueOn { get; }

    /// <summary>Open, done or overdue.</summary>
    public InspectionStatus Status { get; }

    /// <summary>The record that satisfied it, when done.</summary>
    public InspectionRecord? Record { get; }

    /// <summary>Days past <see cref="DueOn"/> when overdue; 0 otherwise.</summary>
    public int DaysOverdue { get; }

    /// <inheritdoc />
    public override string ToString() => $"{PlanCode} {Subject} {WindowStart:uuuu-MM-dd}..{DueOn:uuuu-MM-dd} {Status}";
}
