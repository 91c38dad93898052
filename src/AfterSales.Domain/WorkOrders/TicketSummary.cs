using AfterSales.Internal;

namespace AfterSales.WorkOrders;

/// <summary>
/// The row a store keeps beside a work order's events (工单摘要), refreshed at each save: enough to
/// list and index tickets — in particular <see cref="NextDeadline"/>, the next SLA warning or due
/// instant, to find work about to breach without loading every ticket. Immutable.
/// </summary>
public sealed class TicketSummary
{
    private TicketSummary(Ticket ticket, Instant asOf, (IReadOnlyList<Sla.SlaClock> Clocks, IReadOnlyList<IReadOnlyList<Sla.SlaClock>> Candidates)? evaluation)
    {
        TenantId = ticket.TenantId;
        Id = ticket.Id;
        Version = ticket.Version;
        State = ticket.State;
        SeverityCode = ticket.SeverityCode;
        DeviceSerialNumber = ticket.DeviceSerialNumber;
        PolicyKey = ticket.PolicyKey;
        ReportedAt = ticket.ReportedAt;
        LastEventAt = ticket.LastEventAt;
        AsOf = asOf;
        LastLegacyReviewAt = ticket.LastLegacyReviewAt;
        if (ticket.IsFinished)
        {
            return; // no next deadline, not a legacy issue
        }

        // One SLA evaluation for both (Ticket.NextDeadlineAfter and Ticket.IsLegacyIssue would each
        // evaluate the clocks): the save path's most expensive step.
        var (clocks, candidates) = evaluation ?? Sla.SlaEvaluator.EvaluateWithCandidates(ticket.Terms, ticket.Timeline, asOf, explain: false);
        var legacy = false;
        foreach (var clock in clocks)
        {
            legacy |= clock.IsOverdue;
            IsProvisional |= clock.IsProvisional && clock.StoppedAt is null;
        }

        var next = Events.ClockAlerts.Next(clocks, candidates, asOf);
        NextDeadline = next;
        IsLegacyIssue = legacy;
    }

    /// <summary>The summary of <paramref name="ticket"/> as of <paramref name="asOf"/> (typically the save instant).</summary>
    public static TicketSummary Of(Ticket ticket, Instant asOf) => new(Guard.NotNull(ticket), asOf, null);

    /// <summary>The summary from clocks already evaluated at <paramref name="asOf"/> (one SLA evaluation for the summary and the alerts).</summary>
    internal static TicketSummary Of(Ticket ticket, Instant asOf, (IReadOnlyList<Sla.SlaClock> Clocks, IReadOnlyList<IReadOnlyList<Sla.SlaClock>> Candidates) evaluation) =>
        new(ticket, asOf, evaluation);

    /// <summary>The tenant (租户).</summary>
    public string TenantId { get; }

    /// <summary>The work order's id (工单编号).</summary>
    public TicketId Id { get; }

    /// <summary>The version summarised.</summary>
    public int Version { get; }

    /// <summary>The state (状态).</summary>
    public TicketState State { get; }

    /// <summary>The current severity code (故障等级).</summary>
    public string SeverityCode { get; }

    /// <summary>The device's serial number (设备序列号).</summary>
    public string DeviceSerialNumber { get; }

    /// <summary>The pinned SLA policy's key.</summary>
    public string PolicyKey { get; }

    /// <summary>When the fault was reported.</summary>
    public Instant ReportedAt { get; }

    /// <summary>When the last event happened.</summary>
    public Instant LastEventAt { get; }

    /// <summary>The instant the deadline and legacy flag were computed at.</summary>
    public Instant AsOf { get; }

    /// <summary>The next SLA warning or due instant after <see cref="AsOf"/> (下一时限): <see cref="Events.ClockAlerts.Next(IReadOnlyList{Sla.SlaTerms}, Sla.Timeline.TicketTimeline, Instant)"/>; <see langword="null"/> when nothing is pending.</summary>
    public Instant? NextDeadline { get; }

    /// <summary>Whether the order was a legacy issue (遗留问题, R-WO-6) at <see cref="AsOf"/>.</summary>
    public bool IsLegacyIssue { get; }

    /// <summary>
    /// Whether a clock not yet stopped was provisional at <see cref="AsOf"/>: it reached a year its
    /// calendar has no holiday data for, so its deadline may move when the year is loaded.
    /// </summary>
    public bool IsProvisional { get; }

    /// <summary>When the order was last reviewed as a legacy issue (R-WO-6), if ever.</summary>
    public Instant? LastLegacyReviewAt { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Id} v{Version} {State} next {NextDeadline?.ToString() ?? "-"}";
}
