using AfterSales.Internal;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// One logged use or receipt of a spare (备件出入库记录), R-SP-2: what happened, how many, who did it,
/// when, and for which work order. Immutable.
/// </summary>
public sealed class StockMovement
{
    internal StockMovement(StockMovementKind kind, int quantity, string by, Instant at, string? workOrderId, string? note)
    {
        Kind = kind;
        Quantity = quantity;
        By = by;
        At = at;
        WorkOrderId = workOrderId;
        Note = note;
    }

    /// <summary>What happened.</summary>
    public StockMovementKind Kind { get; }

    /// <summary>How many units; always at least 1.</summary>
    public int Quantity { get; }

    /// <summary>The change to the balance: + for receipts and returns, − for issues, loans and scrapping.</summary>
    public int SignedQuantity => Kind is StockMovementKind.Received or StockMovementKind.Returned ? Quantity : -Quantity;

    /// <summary>Who recorded it.</summary>
    public string By { get; }

    /// <summary>When.</summary>
    public Instant At { get; }

    /// <summary>The work order, for issues and loans (and returns from one).</summary>
    public string? WorkOrderId { get; }

    /// <summary>A free-text note, e.g. the delivery note or the reason for scrapping.</summary>
    public string? Note { get; }

    /// <inheritdoc />
    public override string ToString() => $"{At} {Kind} {Quantity}" + (WorkOrderId is null ? "" : $" for {WorkOrderId}") + $" by {By}";

    internal static StockMovement Create(StockMovementKind kind, int quantity, string by, Instant at, string? workOrderId, string? note)
    {
        EntitlementGuard.Positive(quantity);
        Guard.NotBlank(by);
        if (kind is StockMovementKind.IssuedToWorkOrder or StockMovementKind.LoanerIssued)
        {
            Identifier.Check(workOrderId);
        }
        else
        {
            Identifier.CheckOptional(workOrderId);
        }

        SupportedDates.Check(at);

        return new StockMovement(kind, quantity, by, at, workOrderId, note);
    }
}
