using System.Collections.Immutable;
using AfterSales.Internal;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// The stock of one part type at one service centre (备件台账), R-SP-1 … R-SP-3: an append-only list
/// of movements whose sum is the balance on hand. The balance never goes negative.
/// </summary>
/// <remarks>
/// <para>Immutable: each movement returns a new ledger whose <see cref="Version"/> is one higher, so a
/// store can append with optimistic concurrency. A rejected movement throws and leaves the ledger
/// as it was.</para>
/// <para>Movements are appended in time order (equal instants are fine); an earlier instant than the
/// last movement's is rejected with an <see cref="ArgumentException"/>.</para>
/// </remarks>
public sealed class StockLedger
{
    private StockLedger(string centreId, string partNumber, ImmutableList<StockMovement> movements, int balance)
    {
        CentreId = centreId;
        PartNumber = partNumber;
        Movements = movements;
        Balance = balance;
    }

    /// <summary>An empty ledger for <paramref name="partNumber"/> at <paramref name="centreId"/>.</summary>
    /// <exception cref="ArgumentException">A blank id.</exception>
    public static StockLedger Open(string centreId, string partNumber) =>
        new(Identifier.Check(centreId), Identifier.Check(partNumber), [], 0);

    /// <summary>The service centre (售后服务中心).</summary>
    public string CentreId { get; }

    /// <summary>The part type.</summary>
    public string PartNumber { get; }

    /// <summary>Every movement, in time order.</summary>
    public IReadOnlyList<StockMovement> Movements { get; }

    /// <summary>The units on hand: the sum of the movements' <see cref="StockMovement.SignedQuantity"/>.</summary>
    public int Balance { get; }

    /// <summary>The number of movements, for optimistic concurrency.</summary>
    public int Version => Movements.Count;

    /// <summary>Receives <paramref name="quantity"/> units (入库).</summary>
    /// <exception cref="ArgumentException">A quantity below 1, a blank <paramref name="by"/>, or an instant before the last movement.</exception>
    public StockLedger Receive(int quantity, string by, Instant at, string? note = null) =>
        Append(StockMovementKind.Received, quantity, by, at, null, note);

    /// <summary>Issues <paramref name="quantity"/> units to a work order (领用).</summary>
    /// <exception cref="InsufficientStockException">Fewer than <paramref name="quantity"/> on hand.</exception>
    /// <exception cref="ArgumentException">A quantity below 1, a blank id, or an instant before the last movement.</exception>
    public StockLedger IssueToWorkOrder(int quantity, string workOrderId, string by, Instant at) =>
        Append(StockMovementKind.IssuedToWorkOrder, quantity, by, at, workOrderId, null);

    /// <summary>Lends <paramref name="quantity"/> loaner units to a work order (备机借出).</summary>
    /// <exception cref="InsufficientStockException">Fewer than <paramref name="quantity"/> on hand.</exception>
    /// <exception cref="ArgumentException">A quantity below 1, a blank id, or an instant before the last movement.</exception>
    public StockLedger IssueLoaner(int quantity, string workOrderId, string by, Instant at) =>
        Append(StockMovementKind.LoanerIssued, quantity, by, at, workOrderId, null);

    /// <summary>Returns <paramref name="quantity"/> units to stock, optionally from a work order.</summary>
    /// <exception cref="ArgumentException">A quantity below 1, a blank <paramref name="by"/>, or an instant before the last movement.</exception>
    public StockLedger Return(int quantity, string by, Instant at, string? workOrderId = null) =>
        Append(StockMovementKind.Returned, quantity, by, at, workOrderId, null);

    /// <summary>Scraps <paramref name="quantity"/> units (报废).</summary>
    /// <exception cref="InsufficientStockException">Fewer than <paramref name="quantity"/> on hand.</exception>
    /// <exception cref="ArgumentException">A quantity below 1, a blank <paramref name="by"/>, or an instant before the last movement.</exception>
    public StockLedger Scrap(int quantity, string by, Instant at, string? reason = null) =>
        Append(StockMovementKind.Scrapped, quantity, by, at, null, reason);

    /// <summary>The balance just before <paramref name="instant"/>: the sum of the movements strictly earlier.</summary>
    public int BalanceBefore(Instant instant)
    {
        var balance = 0;
        foreach (var movement in Movements)
        {
            if (movement.At >= instant)
            {
                break;
            }

            balance += movement.SignedQuantity;
        }

        return balance;
    }

    /// <inheritdoc />
    public override string ToString() => $"{CentreId}/{PartNumber}: {Balance} on hand";

    private StockLedger Append(StockMovementKind kind, int quantity, string by, Instant at, string? workOrderId, string? note)
    {
        var movement = StockMovement.Create(kind, quantity, by, at, workOrderId, note);
        var movements = (ImmutableList<StockMovement>)Movements;
        if (movements.Count > 0 && at < movements[^1].At)
        {
            throw new ArgumentException(
                $"at ({at}) is before the last movement ({movements[^1].At}) of {CentreId}/{PartNumber}; movements are appended in time order.", nameof(at));
        }

        var balance = checked(Balance + movement.SignedQuantity);
        if (balance < 0)
        {
            throw new InsufficientStockException(CentreId, PartNumber, Balance, movement.Quantity, movement.Kind);
        }

        return new StockLedger(CentreId, PartNumber, movements.Add(movement), balance);
    }
}
