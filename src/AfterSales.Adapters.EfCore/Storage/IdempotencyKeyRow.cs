using AfterSales.Idempotency;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// One remembered <c>Idempotency-Key</c> (幂等键行) of a tenant: the request's fingerprint, the lease
/// of the request running it, and once it completed, its first response (see <see cref="IdempotentResponse"/>).
/// </summary>
public sealed class IdempotencyKeyRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The client's key.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>The hash of the request the key belongs to.</summary>
    public string Fingerprint { get; set; } = string.Empty;

    /// <summary>The lease of the request holding the key (a GUID's text).</summary>
    public string LeaseId { get; set; } = string.Empty;

    /// <summary>Until when that request holds it, while it runs; <see langword="null"/> once completed.</summary>
    public Instant? LeaseUntil { get; set; }

    /// <summary>When the key was (last) reserved: the eviction order.</summary>
    public Instant CreatedAt { get; set; }

    /// <summary>When the key may be forgotten.</summary>
    public Instant ExpiresAt { get; set; }

    /// <summary>The first response's status; <see langword="null"/> while the request runs.</summary>
    public int? StatusCode { get; set; }

    /// <summary>The replayed headers as a JSON object of names to values.</summary>
    public string? Headers { get; set; }

    /// <summary>The body as sent, when it was kept.</summary>
    public byte[]? Body { get; set; }

    /// <summary>The length of a body too large to keep; <see langword="null"/> when <see cref="Body"/> is whole.</summary>
    public int? OmittedBodyLength { get; set; }

    /// <summary>The bytes the key counts against its tenant's bound.</summary>
    public long Size { get; set; }
}
