using AfterSales.Internal;

namespace AfterSales.Quality.Inspections;

/// <summary>The result of one checklist item on one device. Immutable.</summary>
public sealed class InspectionItemResult
{
    /// <summary>Creates a result.</summary>
    /// <exception cref="ArgumentException">The item code is blank.</exception>
    public InspectionItemResult(string itemCode, InspectionOutcome outcome, string note = "")
    {
        ItemCode = Guard.NotBlank(itemCode);
        Outcome = outcome;
        Note = Guard.NotNull(note);
    }

    /// <summary>The checklist item's code.</summary>
    public string ItemCode { get; }

    /// <summary>The outcome.</summary>
    public InspectionOutcome Outcome { get; }

    /// <summary>What the engineer noted.</summary>
    public string Note { get; }
}
