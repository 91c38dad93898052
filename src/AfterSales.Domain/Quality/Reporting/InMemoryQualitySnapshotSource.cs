using System.Runtime.CompilerServices;
using AfterSales.Entitlements.Warranty;
using AfterSales.Internal;
using AfterSales.Quality.Complaints;
using AfterSales.WorkOrders;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// An <see cref="IQualitySnapshotSource"/> over the in-memory stores: each store is copied under its
/// own lock when the snapshot opens, so the snapshot does not change while it is read.
/// </summary>
public sealed class InMemoryQualitySnapshotSource : IQualitySnapshotSource
{
    private readonly InMemoryTicketStore tickets;
    private readonly InMemoryQualityRecordStore records;
    private readonly InMemoryDeviceRegistry devices;
    private readonly InMemoryComplaintStore complaints;

    /// <summary>Creates the source over the in-memory stores.</summary>
    public InMemoryQualitySnapshotSource(InMemoryTicketStore tickets, InMemoryQualityRecordStore records, InMemoryDeviceRegistry devices, InMemoryComplaintStore complaints)
    {
        this.tickets = Guard.NotNull(tickets);
        this.records = Guard.NotNull(records);
        this.devices = Guard.NotNull(devices);
        this.complaints = Guard.NotNull(complaints);
    }

    /// <inheritdoc />
    public async Task<T> ReadAsync<T>(string tenantId, Func<IQualitySnapshot, CancellationToken, Task<T>> read, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(read);
        var (surveys, callbacks, shipments) = records.Snapshot(tenantId);
        var all = await tickets.AllAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var snapshot = new Snapshot(all, surveys, callbacks, shipments, devices.Serials(tenantId), complaints.All(tenantId));
        return await read(snapshot, cancellationToken).ConfigureAwait(false);
    }

    private sealed class Snapshot(
        List<Ticket> tickets,
        List<SatisfactionSurvey> surveys,
        List<CustomerCallback> callbacks,
        List<PartsShipment> shipments,
        List<string> devices,
        List<Complaint> complaints) : IQualitySnapshot
    {
        public async IAsyncEnumerable<Ticket> TicketsAsync(Instant from, Instant to, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var ticket in tickets.Where(t => t.ReportedAt < to && (!t.IsFinished || t.LastEventAt >= from)).OrderBy(static t => t.Id.Value, StringComparer.Ordinal))
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return ticket;
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }

        public Task<Ticket?> TicketAsync(string id, CancellationToken cancellationToken = default) =>
            Task.FromResult(tickets.Find(t => t.Id.Value == id));

        public Task<IReadOnlyList<SatisfactionSurvey>> SurveysAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<SatisfactionSurvey>>([.. surveys.Where(s => s.AnsweredOn >= from && s.AnsweredOn <= to)]);

        public Task<IReadOnlyList<CustomerCallback>> CallbacksAsync(Instant from, Instant to, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<CustomerCallback>>([.. callbacks.Where(c => c.CalledAt >= from && c.CalledAt <= to)]);

        public Task<IReadOnlyList<PartsShipment>> ShipmentsAsync(LocalDate from, LocalDate to, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PartsShipment>>([.. shipments.Where(s => s.ShippedOn >= from && s.ShippedOn <= to)]);

        public Task<IReadOnlyList<string>> DeviceSerialsAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<string>>(devices);

        public Task<IReadOnlyList<Complaint>> ComplaintsVerifiedAsync(Instant from, Instant to, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Complaint>>([.. complaints.Where(c => c.VerifiedAt >= from && c.VerifiedAt <= to)]);
    }
}
