using AfterSales.Internal;

namespace AfterSales.Quality.Penalties;

/// <summary>
/// A complaint for which the engineer was found responsible (经核实确有责任的投诉), as an input to
/// <see cref="EngineerLedger"/>; dated on the day of confirmation. Immutable.
/// </summary>
public sealed class ConfirmedComplaint
{
    /// <summary>Creates the input.</summary>
    /// <exception cref="ArgumentException">An id is blank.</exception>
    public ConfirmedComplaint(string complaintId, string engineerId, LocalDate confirmedOn)
    {
        ComplaintId = Guard.NotBlank(complaintId);
        EngineerId = Guard.NotBlank(engineerId);
        ConfirmedOn = confirmedOn;
    }

    /// <summary>The complaint's id.</summary>
    public string ComplaintId { get; }

    /// <summary>The engineer found responsible.</summary>
    public string EngineerId { get; }

    /// <summary>The day the complaint was confirmed; windows count by this date.</summary>
    public LocalDate ConfirmedOn { get; }

    /// <inheritdoc />
    public override string ToString() => $"{ComplaintId} ({EngineerId}, {ConfirmedOn:uuuu-MM-dd})";
}
