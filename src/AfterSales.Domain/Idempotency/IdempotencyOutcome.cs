namespace AfterSales.Idempotency;

/// <summary>What <see cref="IIdempotencyStore.TryReserveAsync"/> found.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The key is new (or its last holder's lease ran out) and is now reserved for this request: run it.</summary>
    Reserved,

    /// <summary>The key has a stored response for the same request: replay it.</summary>
    Completed,

    /// <summary>A request with the key is still running under a live lease.</summary>
    InProgress,

    /// <summary>The key was used for a different request.</summary>
    FingerprintMismatch,
}
