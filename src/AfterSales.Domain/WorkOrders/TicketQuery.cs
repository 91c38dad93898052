namespace AfterSales.WorkOrders;

/// <summary>
/// A filtered, paged query over one tenant's work orders (工单查询), for <see cref="ITicketStore.ListAsync"/>.
/// Every filter is optional; set filters combine with AND. Immutable; value equality.
/// </summary>
/// <remarks>
/// Order: by <see cref="TicketSummary.NextDeadline"/> (soonest first) when <see cref="DueBefore"/> is set,
/// otherwise by report instant, newest first; ties by id (ordinal). Stable, so pages do not overlap
/// while nothing changes.
/// </remarks>
public sealed record TicketQuery
{
    /// <summary>Only tickets in this state (a leaf state, not a superstate).</summary>
    public TicketState? State { get; init; }

    /// <summary>Only tickets with this current severity code (ordinal).</summary>
    public string? SeverityCode { get; init; }

    /// <summary>Only tickets whose site name (<see cref="TicketSite.Name"/>) equals this (ordinal).</summary>
    public string? SiteName { get; init; }

    /// <summary>Only the work orders of this device (ordinal): its service record (设备维修档案, R-WO-10).</summary>
    public string? DeviceSerialNumber { get; init; }

    /// <summary>
    /// Only the work orders this engineer was dispatched to (派工, R-ORG-1), in any cycle (ordinal): the
    /// engineer of any <see cref="TicketEventKind.Dispatched"/> event. Stores check it against the events
    /// (an index of dispatches in the EF Core store); <see cref="Matches"/> does not.
    /// </summary>
    public string? Engineer { get; init; }

    /// <summary>
    /// Only legacy issues (遗留问题, R-WO-6) when <see langword="true"/>, only others when <see langword="false"/>:
    /// as of the ticket's last save or the deadline watcher's last visit (<see cref="TicketSummary.IsLegacyIssue"/>).
    /// </summary>
    public bool? IsLegacyIssue { get; init; }

    /// <summary>Only tickets whose next SLA warning or due instant (as of their last save) is at or before this: breaching or warning by then.</summary>
    public Instant? DueBefore { get; init; }

    /// <summary>How many matching tickets to skip, at least 0.</summary>
    /// <value>The default value is 0.</value>
    public int Offset { get; init; }

    /// <summary>At most this many tickets, 1 to 1000.</summary>
    /// <value>The default value is 50.</value>
    public int Limit { get; init; } = 50;

    /// <summary>Checks the paging values.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Offset"/> or <see cref="Limit"/> is out of range.</exception>
    public void Validate()
    {
        if (Offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Offset), Offset, $"Offset must be at least 0, was {Offset}.");
        }

        if (Limit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(Limit), Limit, $"Limit must be 1 to 1000, was {Limit}.");
        }
    }

    /// <summary>Whether <paramref name="summary"/> and its <paramref name="siteName"/> match the filters (not the paging).</summary>
    public bool Matches(TicketSummary summary, string siteName)
    {
        Internal.Guard.NotNull(summary);
        return (State is not { } s || summary.State == s)
            && (SeverityCode is null || string.Equals(summary.SeverityCode, SeverityCode, StringComparison.Ordinal))
            && (SiteName is null || string.Equals(siteName, SiteName, StringComparison.Ordinal))
            && (IsLegacyIssue is not { } legacy || summary.IsLegacyIssue == legacy)
            && (DeviceSerialNumber is null || string.Equals(summary.DeviceSerialNumber, DeviceSerialNumber, StringComparison.Ordinal))
            && (DueBefore is not { } due || summary.NextDeadline <= due);
    }
}
