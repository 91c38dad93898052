using AfterSales.Entitlements.Quotes;
using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using AfterSales.Http.OpenApi;

namespace AfterSales.Http.Contracts;

#pragma warning disable CS1591 // HTTP contracts: the OpenAPI document describes them.

/// <summary>The body of <c>POST /warranty/assessments</c>: a device record checked against a warranty preset on a date.</summary>
public sealed record WarrantyAssessmentRequest
{
    /// <summary>The warranty policy's code (a preset, see GET /warranty/policies).</summary>
    public required string Policy { get; init; }

    public required string SerialNumber { get; init; }

    /// <summary>The component class code: hardware, software, system, main-unit or pipes-electrics.</summary>
    [WireEnum("hardware", "software", "system", "main-unit", "pipes-electrics")]
    public required string Component { get; init; }

    public LocalDate? AcceptedOn { get; init; }

    public LocalDate? HandedOverOn { get; init; }

    public LocalDate? CompletedOn { get; init; }

    /// <summary>The day the warranty is checked on.</summary>
    public required LocalDate On { get; init; }
}

public sealed record WarrantyAssessmentResponse(
    string SerialNumber, LocalDate On, [property: WireEnum(typeof(WarrantyStatus))] string Status, bool IsCovered, string Component, LocalDate StartsOn, LocalDate LastCoveredDay,
    LocalDate? LatentDefectLastDay, IReadOnlyList<string> Reasons, IReadOnlyList<RelocationResponse> Relocations);

public sealed record WarrantyAssessmentPageResponse(IReadOnlyList<WarrantyAssessmentResponse> Items, int Page, int PageSize, bool HasMore);

public sealed record WarrantyPolicyResponse(string Code, string Name, int? RepairLimit, IReadOnlyList<WarrantyTermResponse> Terms);

public sealed record WarrantyTermResponse(string Component, string Length, string StartRule);

/// <summary>The body of <c>POST /quotes</c>: an out-of-warranty repair quote (报价) checked against the tendered prices.</summary>
public sealed record QuoteRequest
{
    /// <summary>The quote's id; the service assigns one when omitted.</summary>
    public string? Id { get; init; }

    public required string WorkOrderId { get; init; }

    public required string SerialNumber { get; init; }

    public required LocalDate IssuedOn { get; init; }

    /// <summary>The tendered maximum unit price per part number (投标价), in CNY.</summary>
    public IReadOnlyDictionary<string, decimal>? TenderedPrices { get; init; }

    public required IReadOnlyList<QuoteLineRequest> Lines { get; init; }
}

public sealed record QuoteLineRequest
{
    /// <summary>Part, PhoneSupport, OnSiteVisit, Travel, Labour or Tools.</summary>
    [WireEnum("Part", "PhoneSupport", "OnSiteVisit", "Travel", "Labour", "Tools")]
    public required string Kind { get; init; }

    public string? PartNumber { get; init; }

    public string? Description { get; init; }

    public int? Quantity { get; init; }

    /// <summary>The unit cost (parts) or the amount (other kinds), in CNY.</summary>
    public decimal? Amount { get; init; }
}

public sealed record QuoteResponse(
    string Id, string WorkOrderId, string SerialNumber, LocalDate IssuedOn, string Currency, IReadOnlyList<QuoteLineResponse> Lines, decimal PartsTotal, decimal Total);

public sealed record QuoteLineResponse([property: WireEnum(typeof(QuoteLineKind))] string Kind, string Description, string? PartNumber, int Quantity, decimal UnitPrice, decimal Total, string? Note);

/// <summary>The body of <c>POST /spares/replenishment</c>: stock positions and the ratio policy for one month.</summary>
public sealed record ReplenishmentRequest
{
    public required YearMonth Month { get; init; }

    /// <summary>The share of the installed base to keep in stock; 0.05 (5 %, the seed plan) when omitted.</summary>
    public decimal? Ratio { get; init; }

    /// <summary>The minimum stock per cell; 0 when omitted.</summary>
    public int? Minimum { get; init; }

    public required IReadOnlyList<StockPositionRequest> Positions { get; init; }
}

public sealed record StockPositionRequest
{
    public required string CentreId { get; init; }

    public required string PartNumber { get; init; }

    public required int OnHand { get; init; }

    public required int InstalledBase { get; init; }
}

public sealed record ReplenishmentResponse(YearMonth Month, int CellsChecked, long TotalUnits, IReadOnlyList<ReplenishmentOrderResponse> Orders);

public sealed record ReplenishmentOrderResponse(string CentreId, string PartNumber, int Quantity, int OnHand, int Target);

/// <summary>The body of <c>POST /spares/ledger</c>: the movements of one part at one service centre, replayed in order.</summary>
public sealed record StockLedgerRequest
{
    public required string CentreId { get; init; }

    public required string PartNumber { get; init; }

    public required IReadOnlyList<StockMovementRequest> Movements { get; init; }
}

public sealed record StockMovementRequest
{
    /// <summary>Received, IssuedToWorkOrder, LoanerIssued, Returned or Scrapped.</summary>
    [WireEnum(typeof(StockMovementKind))]
    public required string Kind { get; init; }

    public required int Quantity { get; init; }

    public required string By { get; init; }

    public required Instant At { get; init; }

    public string? WorkOrderId { get; init; }

    public string? Note { get; init; }
}

public sealed record StockLedgerResponse(string CentreId, string PartNumber, int Balance, IReadOnlyList<StockMovementResponse> Movements);

public sealed record StockMovementResponse([property: WireEnum(typeof(StockMovementKind))] string Kind, int Quantity, int SignedQuantity, string By, Instant At, string? WorkOrderId, string? Note);

/// <summary>The body of <c>POST /spares/{centreId}/{partNumber}/movements</c>: one stock movement, now.</summary>
public sealed record RecordMovementRequest
{
    /// <summary>Received, IssuedToWorkOrder, LoanerIssued, Returned or Scrapped.</summary>
    [WireEnum(typeof(StockMovementKind))]
    public required string Kind { get; init; }

    public required int Quantity { get; init; }

    public required string By { get; init; }

    public string? WorkOrderId { get; init; }

    public string? Note { get; init; }
}

/// <summary>The body of <c>POST /devices</c>: a device registered for warranty (设备档案).</summary>
public sealed record RegisterDeviceRequest
{
    public required string SerialNumber { get; init; }

    /// <summary>The component class code: hardware, software, system, main-unit or pipes-electrics.</summary>
    [WireEnum("hardware", "software", "system", "main-unit", "pipes-electrics")]
    public required string Component { get; init; }

    public LocalDate? AcceptedOn { get; init; }

    public LocalDate? HandedOverOn { get; init; }

    public LocalDate? CompletedOn { get; init; }

    /// <summary>The code of the warranty policy that judges the device (GET /warranty/policies); the service's default when omitted.</summary>
    public string? WarrantyPolicy { get; init; }

    /// <summary>The contract the device was delivered under: the id of the price list its paid repairs are quoted from.</summary>
    public string? ContractId { get; init; }

    /// <summary>The service centre that serves the device: with <c>model</c> it counts in the centre's installed base.</summary>
    public string? CentreId { get; init; }

    /// <summary>The device's model, a part number (the spare unit type that replaces it whole).</summary>
    public string? Model { get; init; }

    /// <summary>The device's grade, 0 or more, higher is better: a loaner must be of the same or a better grade.</summary>
    public int? Grade { get; init; }
}

public sealed record DeviceResponse(
    string SerialNumber, int Version, string Component, LocalDate? AcceptedOn, LocalDate? HandedOverOn, LocalDate? CompletedOn, int Replacements,
    string? WarrantyPolicy, string? ContractId, string? CentreId, string? Model, int? Grade, IReadOnlyList<RelocationResponse> Relocations);

public sealed record RelocationResponse(LocalDate On, string From, string To);

/// <summary>The body of <c>POST /devices/{serialNumber}/relocations</c>: a move of the device (移机, R-WAR-10).</summary>
public sealed record RelocateDeviceRequest
{
    /// <summary>The day of the move.</summary>
    public required LocalDate On { get; init; }

    /// <summary>Where the device was.</summary>
    public required string From { get; init; }

    /// <summary>Where it is now.</summary>
    public required string To { get; init; }
}

/// <summary>The entitlement check a work order recorded at report (R-WO-1).</summary>
public sealed record EntitlementResponse(
    [property: WireEnum(typeof(AfterSales.Entitlements.EntitlementStatus))] string Status, bool IsBillable, bool IsDeviceKnown, string? WarrantyPolicy,
    [property: WireEnum(typeof(WarrantyStatus))] string? WarrantyStatus, LocalDate? AssessedOn, LocalDate? LastCoveredDay,
    string? ContractId, string? CentreId, string? Model, int? Grade, bool DataBackupRequired, IReadOnlyList<string> Reasons)
{
    internal static EntitlementResponse? From(AfterSales.Entitlements.TicketEntitlement? e) => e is null ? null : new(
        e.Status.ToString(), e.IsBillable, e.IsDeviceKnown, e.WarrantyPolicyCode, e.WarrantyStatus?.ToString(), e.AssessedOn, e.LastCoveredDay,
        e.ContractId, e.ServiceCentreId, e.Model, e.Grade, e.DataBackupRequired, e.Reasons);
}
