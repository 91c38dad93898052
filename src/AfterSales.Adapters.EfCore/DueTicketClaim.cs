using AfterSales.WorkOrders;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// A due work order claimed by one node for breach processing (到期工单认领), returned by
/// <see cref="EfCoreTicketStore{TContext}.ClaimDueAsync"/>. Until <see cref="ClaimedUntil"/> no other
/// claimant gets it; release it with <see cref="EfCoreTicketStore{TContext}.CompleteClaimAsync"/>.
/// </summary>
public sealed class DueTicketClaim
{
    internal DueTicketClaim(string tenantId, TicketId id, int version, Instant nextDeadline, string claimant, Instant claimedUntil)
    {
        TenantId = tenantId;
        Id = id;
        Version = version;
        NextDeadline = nextDeadline;
        Claimant = claimant;
        ClaimedUntil = claimedUntil;
    }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>The work order.</summary>
    public TicketId Id { get; }

    /// <summary>The ticket's version when it was claimed.</summary>
    public int Version { get; }

    /// <summary>The deadline (warning or due instant) that made it due.</summary>
    public Instant NextDeadline { get; }

    /// <summary>Who claimed it.</summary>
    public string Claimant { get; }

    /// <summary>When the claim's lease ends.</summary>
    public Instant ClaimedUntil { get; }

    /// <inheritdoc />
    public override string ToString() => $"{TenantId}/{Id} v{Version} due {NextDeadline} claimed by {Claimant} until {ClaimedUntil}";
}
