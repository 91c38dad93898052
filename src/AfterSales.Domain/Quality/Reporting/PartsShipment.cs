using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>A spare-part shipment (备件发货) and whether the right part was sent (R-RP-3: 备件发货准确率). Immutable.</summary>
public sealed class PartsShipment
{
    /// <summary>Creates a record.</summary>
    /// <exception cref="ArgumentException">A blank id or part type.</exception>
    public PartsShipment(string shipmentId, string workOrderId, LocalDate shippedOn, string partType, bool correct)
    {
        ShipmentId = Guard.NotBlank(shipmentId);
        WorkOrderId = Guard.NotBlank(workOrderId);
        ShippedOn = shippedOn;
        PartType = Guard.NotBlank(partType);
        Correct = correct;
    }

    /// <summary>The shipment's id.</summary>
    public string ShipmentId { get; }

    /// <summary>The work order it was for.</summary>
    public string WorkOrderId { get; }

    /// <summary>The day it was shipped.</summary>
    public LocalDate ShippedOn { get; }

    /// <summary>The part type.</summary>
    public string PartType { get; }

    /// <summary>Whether the right part was sent.</summary>
    public bool Correct { get; }
}
