using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// The callback a work order owes its customer (客户回访), and whether it was made: the callback
/// rate counts the in-warranty ones (R-RP-3: 保修期内客户回访率 100 %). Derived from the work order
/// and the callbacks recorded against it (<see cref="WorkOrderReporting.Callback"/>). Immutable.
/// </summary>
public sealed class CallbackRecord
{
    /// <summary>Creates a record.</summary>
    /// <exception cref="ArgumentException"><paramref name="workOrderId"/> is blank.</exception>
    public CallbackRecord(string workOrderId, bool inWarranty, LocalDate dueOn, bool done)
    {
        WorkOrderId = Guard.NotBlank(workOrderId);
        InWarranty = inWarranty;
        DueOn = dueOn;
        Done = done;
    }

    /// <summary>The work order the callback is about.</summary>
    public string WorkOrderId { get; }

    /// <summary>Whether the work was under warranty (not billable).</summary>
    public bool InWarranty { get; }

    /// <summary>The day the callback became due (the resolution's day); it belongs to the period of this day.</summary>
    public LocalDate DueOn { get; }

    /// <summary>Whether a callback reached the customer.</summary>
    public bool Done { get; }
}
