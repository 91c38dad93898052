using AfterSales.Internal;

namespace AfterSales.Events;

/// <summary>
/// An event due at a future instant (到期通知): a fact stored now (a loan's return-by, …) schedules it, a later
/// fact moves it (scheduled again under the same key) or withdraws it (the loan came back in time). Stores keep
/// one notice per (tenant, <see cref="Type"/>, <see cref="Subject"/>), written in the fact's transaction; the
/// deadline watcher writes the scheduled <see cref="Event"/> into the outbox once its instant has passed. Immutable.
/// </summary>
public sealed class DueNotice
{
    private DueNotice(string tenantId, string type, string subject, DomainEvent? scheduled)
    {
        TenantId = Guard.NotBlank(tenantId);
        Type = Guard.NotBlank(type);
        Subject = Guard.NotBlank(subject);
        Event = scheduled;
    }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>The event type, e.g. <see cref="AfterSalesEventTypes.LoanerOverdue"/>.</summary>
    public string Type { get; }

    /// <summary>What it is about, as the event's subject: <c>tickets/WO-1/loaners/LN-7</c>.</summary>
    public string Subject { get; }

    /// <summary>The event to emit at its <see cref="DomainEvent.OccurredAt"/> (the due instant); <see langword="null"/> when withdrawn.</summary>
    public DomainEvent? Event { get; }

    /// <summary>Schedules <paramref name="scheduled"/> at its <see cref="DomainEvent.OccurredAt"/>, replacing the notice of its tenant, type and subject.</summary>
    /// <param name="scheduled">The event, its id derived from the fact and the due instant (a moved notice is a new event).</param>
    public static DueNotice Schedule(DomainEvent scheduled)
    {
        Guard.NotNull(scheduled);
        return new DueNotice(scheduled.TenantId, scheduled.Type, scheduled.Subject, scheduled);
    }

    /// <summary>Withdraws the notice of <paramref name="tenantId"/>, <paramref name="type"/> and <paramref name="subject"/>, if any.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="type">The event type.</param>
    /// <param name="subject">The subject.</param>
    public static DueNotice Withdraw(string tenantId, string type, string subject) => new(tenantId, type, subject, null);

    /// <inheritdoc />
    public override string ToString() => Event is { } e ? $"{Type} {Subject} due {e.OccurredAt}" : $"{Type} {Subject} withdrawn";
}
