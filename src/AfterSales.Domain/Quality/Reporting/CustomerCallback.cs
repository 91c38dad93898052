using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// A callback made to the customer about a work order (回访记录), as recorded against it: when, by
/// whom, and whether the customer was reached. A reached callback makes the work order's
/// <see cref="CallbackRecord"/> done. Immutable.
/// </summary>
public sealed class CustomerCallback
{
    /// <summary>Creates a record.</summary>
    /// <exception cref="ArgumentException">A blank id, work order or caller.</exception>
    public CustomerCallback(string id, string workOrderId, Instant calledAt, string calledBy, bool reached, string note = "")
    {
        Id = Guard.NotBlank(id);
        WorkOrderId = Guard.NotBlank(workOrderId);
        CalledAt = calledAt;
        CalledBy = Guard.NotBlank(calledBy);
        Reached = reached;
        Note = Guard.NotNull(note);
    }

    /// <summary>The record's id.</summary>
    public string Id { get; }

    /// <summary>The work order called about.</summary>
    public string WorkOrderId { get; }

    /// <summary>When the call was made.</summary>
    public Instant CalledAt { get; }

    /// <summary>Who called.</summary>
    public string CalledBy { get; }

    /// <summary>Whether the customer was reached.</summary>
    public bool Reached { get; }

    /// <summary>A note, possibly empty.</summary>
    public string Note { get; }
}
