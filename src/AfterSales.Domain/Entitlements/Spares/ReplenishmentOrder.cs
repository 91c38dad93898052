using System.Globalization;
using AfterSales.Internal;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// One replenishment order of a monthly run (备件补充): the month, the service centre, the part type,
/// how many to send, and the stock and target it was computed from. An immutable value; equal when all
/// fields are equal.
/// </summary>
public readonly struct ReplenishmentOrder : IEquatable<ReplenishmentOrder>
{
    /// <summary>Creates an order, e.g. to reload the orders already placed for a month from a store.</summary>
    /// <exception cref="ArgumentException">A blank id, a quantity below 1, or a negative on-hand or target.</exception>
    public ReplenishmentOrder(YearMonth month, string centreId, string partNumber, int quantity, int onHand, int target)
    {
        Month = month;
        CentreId = Guard.NotBlank(centreId);
        PartNumber = Guard.NotBlank(partNumber);
        Quantity = EntitlementGuard.Positive(quantity);
        OnHand = EntitlementGuard.NotNegative(onHand);
        Target = EntitlementGuard.NotNegative(target);
    }

    internal ReplenishmentOrder(YearMonth month, string centreId, string partNumber, int quantity, int onHand, int target, bool trusted)
    {
        _ = trusted;
        Month = month;
        CentreId = centreId;
        PartNumber = partNumber;
        Quantity = quantity;
        OnHand = onHand;
        Target = target;
    }

    /// <summary>The month of the run.</summary>
    public YearMonth Month { get; }

    /// <summary>The service centre to send to.</summary>
    public string CentreId { get; }

    /// <summary>The part type.</summary>
    public string PartNumber { get; }

    /// <summary>How many units to send: <see cref="Target"/> − <see cref="OnHand"/>.</summary>
    public int Quantity { get; }

    /// <summary>The units on hand the run saw.</summary>
    public int OnHand { get; }

    /// <summary>The target stock.</summary>
    public int Target { get; }

    /// <summary>Whether two orders are equal.</summary>
    public static bool operator ==(ReplenishmentOrder left, ReplenishmentOrder right) => left.Equals(right);

    /// <summary>Whether two orders differ.</summary>
    public static bool operator !=(ReplenishmentOrder left, ReplenishmentOrder right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ReplenishmentOrder other) =>
        Month == other.Month && string.Equals(CentreId, other.CentreId, StringComparison.Ordinal)
        && string.Equals(PartNumber, other.PartNumber, StringComparison.Ordinal)
        && Quantity == other.Quantity && OnHand == other.OnHand && Target == other.Target;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ReplenishmentOrder other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Month, CentreId, PartNumber, Quantity, OnHand, Target);

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Month:uuuu-MM} {CentreId}/{PartNumber}: send {Quantity} ({OnHand} on hand, target {Target})");
}
