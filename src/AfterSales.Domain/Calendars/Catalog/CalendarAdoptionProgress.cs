using AfterSales.Internal;

namespace AfterSales.Calendars;

/// <summary>
/// How far the open tickets of a tenant have adopted one saved calendar version: the last ticket id
/// done (tickets are walked in id order), how many adopted it, and whether the walk finished.
/// </summary>
/// <remarks>Immutable; value equality.</remarks>
public sealed record CalendarAdoptionProgress
{
    /// <summary>The tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The calendar's id.</summary>
    public required string CalendarId { get; init; }

    /// <summary>The version to adopt.</summary>
    public required int Version { get; init; }

    /// <summary>When the version was saved.</summary>
    public required Instant SavedAt { get; init; }

    /// <summary>The id of the last ticket done, in ordinal order; <see langword="null"/> before the first.</summary>
    public string? Cursor { get; init; }

    /// <summary>How many open tickets adopted the version so far.</summary>
    public int Adopted { get; init; }

    /// <summary>When the walk finished, or <see langword="null"/> while tickets remain.</summary>
    public Instant? CompletedAt { get; init; }

    /// <summary><c>id@version</c> of the calendar version.</summary>
    public string Key => $"{CalendarId}@{Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The progress after one more batch.</summary>
    /// <param name="cursor">The last ticket id of the batch.</param>
    /// <param name="adopted">How many of the batch adopted the version.</param>
    public CalendarAdoptionProgress After(string cursor, int adopted) =>
        this with { Cursor = Guard.NotBlank(cursor), Adopted = Adopted + Guard.NotNegative(adopted) };
}
