using AfterSales.Internal;

namespace AfterSales.Events;

/// <summary>
/// A fact a subscriber acts on (领域事件): a ticket reported, a workflow step, a clock warning or
/// breach, a complaint filed … One envelope for every kind: a stable <see cref="Id"/>, the
/// <see cref="Type"/> (e.g. <c>aftersales.clock.breached</c>, see <see cref="AfterSalesEventTypes"/>),
/// the tenant, the <see cref="Subject"/> it is about (e.g. <c>tickets/WO-1</c>), when it happened,
/// who did it (when known) and the typed <see cref="Data"/>. Immutable.
/// </summary>
/// <remarks>
/// <para><b>Ids.</b> Deterministic where the fact is: a ticket's step from (tenant, ticket, version),
/// a clock alert from (tenant, ticket, metric, cycle, threshold), a complaint's from (tenant,
/// complaint, step). So the same fact computed twice — on two nodes, after a restart or a retry —
/// has the same id, and the outbox's unique key on it keeps exactly one. Consumers de-duplicate by it.</para>
/// <para>Adapters put it on the wire (CloudEvents 1.0 over HTTP); the domain knows no format.</para>
/// </remarks>
public sealed class DomainEvent
{
    /// <summary>Creates an event.</summary>
    /// <exception cref="ArgumentException">A blank id, type, tenant or subject, or null data.</exception>
    public DomainEvent(string id, string type, string tenantId, string subject, Instant occurredAt, DomainEventData data, string? actor = null)
    {
        Id = Guard.NotBlank(id);
        Type = Guard.NotBlank(type);
        TenantId = Guard.NotBlank(tenantId);
        Subject = Guard.NotBlank(subject);
        OccurredAt = occurredAt;
        Data = Guard.NotNull(data);
        Actor = actor;
    }

    /// <summary>The stable id consumers de-duplicate by: a UUID derived from the fact (see the remarks).</summary>
    public string Id { get; }

    /// <summary>What happened, e.g. <c>aftersales.ticket.reported</c> (<see cref="AfterSalesEventTypes"/>).</summary>
    public string Type { get; }

    /// <summary>The tenant (租户).</summary>
    public string TenantId { get; }

    /// <summary>What it is about, as a path: <c>tickets/WO-1</c>, <c>complaints/C-7</c>.</summary>
    public string Subject { get; }

    /// <summary>When it happened: a step's instant, a threshold's instant (a breach: the due instant).</summary>
    public Instant OccurredAt { get; }

    /// <summary>Who did it, when the host knows (an authenticated user); <see langword="null"/> for the engine's own facts.</summary>
    public string? Actor { get; }

    /// <summary>The typed payload; its class depends on <see cref="Type"/>.</summary>
    public DomainEventData Data { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Type} {Subject} at {OccurredAt} ({Id})";
}

/// <summary>The payload of a <see cref="DomainEvent"/>; one class per family of event types.</summary>
public abstract class DomainEventData
{
    /// <summary>For derived payloads.</summary>
    protected DomainEventData()
    {
    }
}
