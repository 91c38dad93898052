using System.Globalization;
using AfterSales.Entitlements.Spares;
using AfterSales.Internal;
using AfterSales.Quality.Complaints;

namespace AfterSales.Events;

/// <summary>The domain events of saving a complaint or a stock ledger; stores call them inside the save's transaction.</summary>
public static class AggregateDomainEvents
{
    /// <summary>
    /// A complaint's events for a save from <paramref name="expectedVersion"/>: <see cref="AfterSalesEventTypes.ComplaintFiled"/>
    /// for a new one, <see cref="AfterSalesEventTypes.ComplaintClosed"/> when the save closes it.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="complaint">The complaint as saved.</param>
    /// <param name="expectedVersion">The stored version the save starts from; 0 for a new complaint.</param>
    /// <param name="wasClosed">Whether the stored complaint was closed before the save.</param>
    /// <param name="actor">Who made the change, when the host knows.</param>
    public static IReadOnlyList<DomainEvent> ForComplaintSave(string tenantId, Complaint complaint, int expectedVersion, bool wasClosed, string? actor = null)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(complaint);
        var events = new List<DomainEvent>(2);
        var data = new ComplaintChanged(complaint, expectedVersion + 1, null);
        var subject = "complaints/" + complaint.Id;
        if (expectedVersion == 0)
        {
            events.Add(new DomainEvent(EventIds.For("complaint", tenantId, complaint.Id, "filed"), AfterSalesEventTypes.ComplaintFiled, tenantId, subject, complaint.FiledAt, data, actor));
        }

        if (complaint.ClosedAt is { } closed && !wasClosed)
        {
            events.Add(new DomainEvent(EventIds.For("complaint", tenantId, complaint.Id, "closed"), AfterSalesEventTypes.ComplaintClosed, tenantId, subject, closed, data, actor));
        }

        return events;
    }

    /// <summary>One <see cref="AfterSalesEventTypes.StockMoved"/> per movement a save appends after <paramref name="expectedVersion"/>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="ledger">The ledger as saved.</param>
    /// <param name="expectedVersion">The stored version the save starts from.</param>
    /// <param name="actor">Who made the change, when the host knows.</param>
    public static IReadOnlyList<DomainEvent> ForStockSave(string tenantId, StockLedger ledger, int expectedVersion, string? actor = null)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(ledger);
        var events = new List<DomainEvent>(ledger.Version - expectedVersion);
        var balance = ledger.Movements.Take(expectedVersion).Sum(static m => m.SignedQuantity);
        for (var i = expectedVersion; i < ledger.Movements.Count; i++)
        {
            var movement = ledger.Movements[i];
            balance += movement.SignedQuantity;
            var version = (i + 1).ToString(CultureInfo.InvariantCulture);
            events.Add(new DomainEvent(
                EventIds.For("stock", tenantId, ledger.CentreId, ledger.PartNumber, version),
                AfterSalesEventTypes.StockMoved,
                tenantId,
                $"stock/{ledger.CentreId}/{ledger.PartNumber}",
                movement.At,
                new StockMoved(ledger.CentreId, ledger.PartNumber, i + 1, movement, balance),
                actor));
        }

        return events;
    }
}
