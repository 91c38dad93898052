using AfterSales.Internal;
using AfterSales.WorkOrders;

namespace AfterSales.Quality.Complaints;

/// <summary>
/// An <see cref="IComplaintStore"/> in memory (内存投诉存储), for embedding and tests. Thread-safe with
/// one lock; the version check and the store happen under it, so of two writers saving from the same
/// version exactly one wins and the other gets a <see cref="ConcurrencyConflictException"/>.
/// Complaints are immutable, so callers cannot change what is stored.
/// </summary>
public sealed class InMemoryComplaintStore : IComplaintStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Tenant, string Id), Versioned<Complaint>> complaints = [];

    /// <inheritdoc />
    public Task<Versioned<Complaint>?> LoadAsync(string tenantId, string complaintId, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotBlank(complaintId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            return Task.FromResult(complaints.GetValueOrDefault((tenantId, complaintId)));
        }
    }

    /// <inheritdoc />
    public Task<int> SaveAsync(string tenantId, Complaint complaint, int expectedVersion, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(complaint);
        Guard.NotNegative(expectedVersion);
        cancellationToken.ThrowIfCancellationRequested();
        var key = (tenantId, complaint.Id);
        lock (gate)
        {
            var actual = complaints.TryGetValue(key, out var stored) ? stored.Version : 0;
            if (actual != expectedVersion)
            {
                throw new ConcurrencyConflictException("complaint", complaint.Id, expectedVersion, actual);
            }

            complaints[key] = new Versioned<Complaint>(complaint, expectedVersion + 1);
            return Task.FromResult(expectedVersion + 1);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Versioned<Complaint>>> ListOpenAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            IReadOnlyList<Versioned<Complaint>> open =
            [
                .. complaints
                    .Where(p => string.Equals(p.Key.Tenant, tenantId, StringComparison.Ordinal) && p.Value.Value.Status == ComplaintStatus.Open)
                    .Select(static p => p.Value)
                    .OrderBy(static c => c.Value.FiledAt)
                    .ThenBy(static c => c.Value.Id, StringComparer.Ordinal),
            ];
            return Task.FromResult(open);
        }
    }

    /// <summary>Every complaint of the tenant, for the in-memory quality snapshot.</summary>
    internal List<Complaint> All(string tenantId)
    {
        lock (gate)
        {
            return [.. complaints.Where(p => p.Key.Tenant == tenantId).Select(static p => p.Value.Value)];
        }
    }
}
