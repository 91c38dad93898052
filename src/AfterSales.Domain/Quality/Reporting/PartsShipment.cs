using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// A spare-part shipment for a work order (备件发货), against what was ordered: it is correct when the
/// part number and the quantity shipped are the ones ordered (R-RP-3: 备件发货准确率). Immutable.
/// </summary>
public sealed class PartsShipment
{
    /// <summary>Creates a record.</summary>
    /// <param name="shipmentId">The shipment's id.</param>
    /// <param name="workOrderId">The work order it was for.</param>
    /// <param name="shippedOn">The day it was shipped.</param>
    /// <param name="orderedPartNumber">The part number ordered.</param>
    /// <param name="orderedQuantity">The quantity ordered, at least 1.</param>
    /// <param name="shippedPartNumber">The part number shipped.</param>
    /// <param name="shippedQuantity">The quantity shipped, at least 0.</param>
    /// <exception cref="ArgumentException">A blank id or part number, or a quantity out of range.</exception>
    public PartsShipment(string shipmentId, string workOrderId, LocalDate shippedOn, string orderedPartNumber, int orderedQuantity, string shippedPartNumber, int shippedQuantity)
    {
        ShipmentId = Guard.NotBlank(shipmentId);
        WorkOrderId = Guard.NotBlank(workOrderId);
        ShippedOn = shippedOn;
        OrderedPartNumber = Guard.NotBlank(orderedPartNumber);
        OrderedQuantity = Guard.Positive(orderedQuantity);
        ShippedPartNumber = Guard.NotBlank(shippedPartNumber);
        ShippedQuantity = Guard.NotNegative(shippedQuantity);
    }

    /// <summary>The shipment's id.</summary>
    public string ShipmentId { get; }

    /// <summary>The work order it was for.</summary>
    public string WorkOrderId { get; }

    /// <summary>The day it was shipped; the shipment belongs to the period of this day.</summary>
    public LocalDate ShippedOn { get; }

    /// <summary>The part number ordered.</summary>
    public string OrderedPartNumber { get; }

    /// <summary>The quantity ordered.</summary>
    public int OrderedQuantity { get; }

    /// <summary>The part number shipped.</summary>
    public string ShippedPartNumber { get; }

    /// <summary>The quantity shipped.</summary>
    public int ShippedQuantity { get; }

    /// <summary>Whether the right part was sent in the right quantity (ordinal comparison of part numbers).</summary>
    public bool Correct => string.Equals(OrderedPartNumber, ShippedPartNumber, StringComparison.Ordinal) && OrderedQuantity == ShippedQuantity;
}
