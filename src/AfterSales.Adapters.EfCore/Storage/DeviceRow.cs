using AfterSales.Entitlements.Warranty;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// The row kept per <see cref="DeviceRecord"/> (设备质保档案行): serial number, component class, the
/// start days as day numbers, the replacements, shelf periods and relocations as one JSON document,
/// and the version (the optimistic-concurrency token, one more per save). Written only by
/// <see cref="EfCoreDeviceRegistry{TContext}"/>; hosts may read it for reports.
/// </summary>
public sealed class DeviceRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The serial number.</summary>
    public string SerialNumber { get; set; } = string.Empty;

    /// <summary>The component class's code (<see cref="ComponentClass.Code"/>); indexed with the tenant.</summary>
    public string ComponentCode { get; set; } = string.Empty;

    /// <summary>The component class's Chinese name.</summary>
    public string ComponentNameZh { get; set; } = string.Empty;

    /// <summary>The component class's English name.</summary>
    public string ComponentNameEn { get; set; } = string.Empty;

    /// <summary>The day of acceptance (验收).</summary>
    public LocalDate? AcceptedOn { get; set; }

    /// <summary>The day of handover (移交).</summary>
    public LocalDate? HandedOverOn { get; set; }

    /// <summary>The day the works were completed (竣工).</summary>
    public LocalDate? CompletedOn { get; set; }

    /// <summary>
    /// The replacements, shelf periods and relocations in recorded order, as JSON (System.Text.Json,
    /// dates as ISO <c>yyyy-MM-dd</c> text).
    /// </summary>
    public string History { get; set; } = string.Empty;

    /// <summary>The number of saves: the optimistic-concurrency token.</summary>
    public int Version { get; set; }

    /// <summary>The warranty policy code that judges the device (<see cref="DeviceRecord.WarrantyPolicyCode"/>).</summary>
    public string? WarrantyPolicyCode { get; set; }

    /// <summary>The contract (and price list) the device was delivered under.</summary>
    public string? ContractId { get; set; }

    /// <summary>The service centre that serves the device; with <see cref="Model"/> it counts in the centre's installed base.</summary>
    public string? ServiceCentreId { get; set; }

    /// <summary>The device's model, a part number.</summary>
    public string? Model { get; set; }

    /// <summary>The device's grade, for loaners of the same or a better grade.</summary>
    public int? Grade { get; set; }
}
