namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>A parts shipment for a work order against its order (备件发货行). Written only by <see cref="EfCoreQualityRecordStore{TContext}"/>.</summary>
public sealed class QualityShipmentRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The shipment's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The work order it was for.</summary>
    public string WorkOrderId { get; set; } = string.Empty;

    /// <summary>The day it was shipped.</summary>
    public LocalDate ShippedOn { get; set; }

    /// <summary>The part number ordered.</summary>
    public string OrderedPartNumber { get; set; } = string.Empty;

    /// <summary>The quantity ordered.</summary>
    public int OrderedQuantity { get; set; }

    /// <summary>The part number shipped.</summary>
    public string ShippedPartNumber { get; set; } = string.Empty;

    /// <summary>The quantity shipped.</summary>
    public int ShippedQuantity { get; set; }
}
