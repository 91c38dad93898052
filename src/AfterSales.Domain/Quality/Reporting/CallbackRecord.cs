using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// A planned callback to a customer (客户回访) and whether it was made; the callback rate counts the
/// in-warranty ones (R-RP-3: 保修期内客户回访率 100 %). Immutable.
/// </summary>
public sealed class CallbackRecord
{
    /// <summary>Creates a record.</summary>
    /// <exception cref="ArgumentException"><paramref name="customerId"/> is blank.</exception>
    public CallbackRecord(string customerId, bool inWarranty, LocalDate dueOn, bool done)
    {
        CustomerId = Guard.NotBlank(customerId);
        InWarranty = inWarranty;
        DueOn = dueOn;
        Done = done;
    }

    /// <summary>The customer.</summary>
    public string CustomerId { get; }

    /// <summary>Whether the customer is in warranty.</summary>
    public bool InWarranty { get; }

    /// <summary>The day the callback was due; it belongs to the period of this day.</summary>
    public LocalDate DueOn { get; }

    /// <summary>Whether it was made.</summary>
    public bool Done { get; }
}
