namespace AfterSales.Idempotency;

/// <summary>
/// The outcome of <see cref="IIdempotencyStore.TryReserveAsync"/>: for <see cref="IdempotencyOutcome.Reserved"/>
/// the lease to complete or release with, for <see cref="IdempotencyOutcome.Completed"/> the stored response.
/// Immutable.
/// </summary>
public sealed class IdempotencyReservation
{
    /// <summary>Creates a reservation outcome.</summary>
    /// <param name="outcome">What was found.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="key">The key.</param>
    /// <param name="leaseId">For <see cref="IdempotencyOutcome.Reserved"/>: the lease; otherwise <see cref="Guid.Empty"/>.</param>
    /// <param name="response">For <see cref="IdempotencyOutcome.Completed"/>: the first response.</param>
    public IdempotencyReservation(IdempotencyOutcome outcome, string tenantId, string key, Guid leaseId = default, IdempotentResponse? response = null)
    {
        Outcome = outcome;
        TenantId = tenantId;
        Key = key;
        LeaseId = leaseId;
        Response = response;
    }

    /// <summary>What was found.</summary>
    public IdempotencyOutcome Outcome { get; }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>The client's key.</summary>
    public string Key { get; }

    /// <summary>The lease this request holds, when <see cref="Outcome"/> is <see cref="IdempotencyOutcome.Reserved"/>.</summary>
    public Guid LeaseId { get; }

    /// <summary>The first response, when <see cref="Outcome"/> is <see cref="IdempotencyOutcome.Completed"/>.</summary>
    public IdempotentResponse? Response { get; }
}
