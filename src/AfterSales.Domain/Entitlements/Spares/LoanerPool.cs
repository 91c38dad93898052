using System.Collections.Immutable;
using AfterSales.Internal;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// A service centre's loaner units of one type (备机, same or better grade), R-SP-5: a
/// <see cref="StockLedger"/> plus which work orders hold a loaner. Lending records a
/// <see cref="StockMovementKind.LoanerIssued"/> movement; the return, a <see cref="StockMovementKind.Returned"/> one.
/// </summary>
/// <remarks>Immutable: <see cref="Issue"/> and <see cref="Return"/> return new pools.</remarks>
public sealed class LoanerPool
{
    private LoanerPool(StockLedger ledger, ImmutableDictionary<string, int> onLoan)
    {
        Ledger = ledger;
        OnLoan = onLoan;
    }

    /// <summary>A pool over a ledger of loaner units, with none on loan.</summary>
    public static LoanerPool For(StockLedger ledger) =>
        new(Guard.NotNull(ledger), ImmutableDictionary.Create<string, int>(StringComparer.Ordinal));

    /// <summary>The loaner units' ledger.</summary>
    public StockLedger Ledger { get; }

    /// <summary>Units available to lend.</summary>
    public int Available => Ledger.Balance;

    /// <summary>Units on loan, by work order.</summary>
    public IReadOnlyDictionary<string, int> OnLoan { get; }

    /// <summary>Lends one loaner to <paramref name="workOrderId"/> at <paramref name="at"/>.</summary>
    /// <returns>The new pool, the movement and the instant to record as <see cref="Sla.Milestone.LoanerProvided"/>.</returns>
    /// <exception cref="InsufficientStockException">No loaner is available.</exception>
    /// <exception cref="ArgumentException">A blank id or an instant before the ledger's last movement.</exception>
    public LoanerIssue Issue(string workOrderId, string by, Instant at)
    {
        var ledger = Ledger.IssueLoaner(1, workOrderId, by, at);
        var onLoan = (ImmutableDictionary<string, int>)OnLoan;
        var pool = new LoanerPool(ledger, onLoan.SetItem(workOrderId, onLoan.GetValueOrDefault(workOrderId) + 1));
        return new LoanerIssue(pool, ledger.Movements[^1]);
    }

    /// <summary>Takes back a loaner from <paramref name="workOrderId"/>.</summary>
    /// <exception cref="InvalidOperationException">The work order holds no loaner from this pool.</exception>
    /// <exception cref="ArgumentException">A blank id or an instant before the ledger's last movement.</exception>
    public LoanerPool Return(string workOrderId, string by, Instant at)
    {
        Guard.NotBlank(workOrderId);
        var onLoan = (ImmutableDictionary<string, int>)OnLoan;
        var held = onLoan.GetValueOrDefault(workOrderId);
        if (held == 0)
        {
            throw new InvalidOperationException(
                $"Work order '{workOrderId}' holds no loaner of {Ledger.CentreId}/{Ledger.PartNumber}; nothing to return.");
        }

        var ledger = Ledger.Return(1, by, at, workOrderId);
        return new LoanerPool(ledger, held == 1 ? onLoan.Remove(workOrderId) : onLoan.SetItem(workOrderId, held - 1));
    }
}
