using System.Globalization;
using AfterSales.Entitlements.Spares;
using AfterSales.Internal;
using AfterSales.Quality.Complaints;

namespace AfterSales.Events;

/// <summary>The domain events of saving a complaint, a stock ledger or a replenishment run; stores call them inside the save's transaction.</summary>
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

    /// <summary>
    /// One <see cref="AfterSalesEventTypes.StockBelowTarget"/> per movement a save appends after <paramref name="expectedVersion"/>
    /// that takes the balance from at or above <paramref name="policy"/>'s target to below it (R-SP-1): the crossing only, so
    /// further movements while below emit nothing until a movement has brought the stock back to target.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="ledger">The ledger as saved.</param>
    /// <param name="expectedVersion">The stored version the save starts from.</param>
    /// <param name="installedBase">The installed base the centre serves for the part (the device registry's count), the same for every movement of the save.</param>
    /// <param name="policy">The target rule (5 % in seed 000).</param>
    /// <param name="actor">Who made the change, when the host knows.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="installedBase"/> is negative.</exception>
    public static IReadOnlyList<DomainEvent> ForStockTarget(string tenantId, StockLedger ledger, int expectedVersion, int installedBase, ReplenishmentPolicy policy, string? actor = null)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(ledger);
        Guard.NotNull(policy);
        var target = policy.TargetFor(installedBase);
        List<DomainEvent>? events = null;
        var balance = ledger.Movements.Take(expectedVersion).Sum(static m => m.SignedQuantity);
        for (var i = expectedVersion; i < ledger.Movements.Count; i++)
        {
            var movement = ledger.Movements[i];
            var before = balance;
            balance += movement.SignedQuantity;
            if (!policy.CrossesBelow(before, balance, installedBase))
            {
                continue;
            }

            var version = (i + 1).ToString(CultureInfo.InvariantCulture);
            (events ??= []).Add(new DomainEvent(
                EventIds.For("stock-below-target", tenantId, ledger.CentreId, ledger.PartNumber, version),
                AfterSalesEventTypes.StockBelowTarget,
                tenantId,
                $"stock/{ledger.CentreId}/{ledger.PartNumber}",
                movement.At,
                new StockBelowTarget(ledger.CentreId, ledger.PartNumber, i + 1, movement, balance, installedBase, target),
                actor));
        }

        return events ?? [];
    }

    /// <summary>
    /// One <see cref="AfterSalesEventTypes.ReplenishmentOrdered"/> for a centre's run that placed orders (R-SP-3); none for
    /// a run that ordered nothing. The id is derived from (tenant, month, centre), the run's stored key: the month's run
    /// is stored once per centre, and so is its event.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="run">The centre's run as stored, with its orders.</param>
    /// <param name="actor">Who started the run, when the host knows.</param>
    /// <exception cref="ArgumentException"><paramref name="run"/> is a summary without its orders.</exception>
    public static IReadOnlyList<DomainEvent> ForReplenishmentRun(string tenantId, ReplenishmentCentreRun run, string? actor = null)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(run);
        if (!run.HasOrders)
        {
            throw new ArgumentException($"run must hold its orders, was a summary of {run.CentreId} in {run.Month:uuuu-MM}.", nameof(run));
        }

        if (run.OrderCount == 0)
        {
            return [];
        }

        var month = run.Month.ToString("uuuu-MM", CultureInfo.InvariantCulture);
        return
        [
            new DomainEvent(
                EventIds.For("replenishment", tenantId, month, run.CentreId),
                AfterSalesEventTypes.ReplenishmentOrdered,
                tenantId,
                $"replenishments/{month}/{run.CentreId}",
                run.RanAt,
                new ReplenishmentOrdered(run),
                actor),
        ];
    }
}
