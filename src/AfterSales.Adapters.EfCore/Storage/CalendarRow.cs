namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// One version of a tenant's calendar (日历版本行): the calendar document as JSON, when it was saved,
/// and how far the tenant's open tickets got adopting it (a cursor over ticket ids), so an
/// interrupted recompute resumes. Saving the row is the record that adoption is owed: one write.
/// </summary>
public sealed class CalendarRow
{
    /// <summary>The tenant (租户).</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The calendar's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The version; the key is (tenant, id, version), so two writers cannot both save the same version.</summary>
    public int Version { get; set; }

    /// <summary>The calendar's name, for listing without parsing the document.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The calendar document (<c>calendar.schema.json</c>) as JSON.</summary>
    public string Document { get; set; } = string.Empty;

    /// <summary>When the version was saved.</summary>
    public Instant SavedAt { get; set; }

    /// <summary>The id of the last ticket that adopted the version, or <see langword="null"/> before the first.</summary>
    public string? AdoptionCursor { get; set; }

    /// <summary>How many open tickets adopted the version so far.</summary>
    public int AdoptedCount { get; set; }

    /// <summary>When every open ticket had adopted it, or <see langword="null"/> while the recompute is owed.</summary>
    public Instant? AdoptionCompletedAt { get; set; }
}
