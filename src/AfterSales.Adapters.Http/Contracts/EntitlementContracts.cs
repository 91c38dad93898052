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

/// <summary>
/// The body of <c>POST /tickets/{id}/quotes</c> and of the <c>submit-quote</c> command: paid work quoted
/// from the tenant's stored tendered price list (R-WAR-8). The total is computed by the service.
/// </summary>
public sealed record QuoteRequest : ICommandRequest
{
    /// <summary>When the quote was given, if earlier than now (back-dated, within the service's bound); now when omitted.</summary>
    public Instant? OccurredAt { get; init; }

    /// <summary>The quote's id, unique within the work order; <c>Q-</c> and a number when omitted.</summary>
    public string? Id { get; init; }

    /// <summary>The tendered price list (PUT /price-lists/{id}); the device's contract when omitted.</summary>
    public string? PriceListId { get; init; }

    /// <summary>The price list's version; the latest when omitted.</summary>
    public int? PriceListVersion { get; init; }

    /// <summary>The day of issue; today in Beijing time when omitted.</summary>
    public LocalDate? IssuedOn { get; init; }

    /// <summary>The lines, 1 to 100.</summary>
    public required IReadOnlyList<QuoteLineRequest> Lines { get; init; }
}

/// <summary>One line of a quote request.</summary>
public sealed record QuoteLineRequest
{
    /// <summary>Part, PhoneSupport, OnSiteVisit, Travel, Labour or Tools.</summary>
    [WireEnum("Part", "PhoneSupport", "OnSiteVisit", "Travel", "Labour", "Tools")]
    public required string Kind { get; init; }

    /// <summary>For a part: its number, which must be on the price list.</summary>
    public string? PartNumber { get; init; }

    /// <summary>The description shown to the customer; the part number or the kind when omitted.</summary>
    public string? Description { get; init; }

    /// <summary>How many; 1 when omitted.</summary>
    public int? Quantity { get; init; }

    /// <summary>For a part: the unit price at cost, at most the tendered price (the tendered price when omitted). For a service: the amount, required.</summary>
    public decimal? UnitPrice { get; init; }
}

/// <summary>A quote of a work order (报价): priced from a tendered price list, the total computed from the lines.</summary>
/// <param name="Id">The quote's id.</param>
/// <param name="WorkOrderId">The work order it belongs to.</param>
/// <param name="PriceListKey">The price list it was priced from, id@version.</param>
/// <param name="IssuedOn">The day of issue.</param>
/// <param name="Currency">The currency of every amount.</param>
/// <param name="Lines">The lines.</param>
/// <param name="PartsTotal">The sum of the part lines.</param>
/// <param name="Total">The sum of every line.</param>
/// <param name="AcceptedBy">Who accepted it for the customer, once accepted.</param>
/// <param name="IsCurrent">Whether it is the work order's current quote (the last submitted).</param>
public sealed record QuoteResponse(
    string Id, string WorkOrderId, string? PriceListKey, LocalDate IssuedOn, string Currency, IReadOnlyList<QuoteLineResponse> Lines, decimal PartsTotal, decimal Total,
    string? AcceptedBy, bool IsCurrent)
{
    internal static QuoteResponse From(AfterSales.WorkOrders.Ticket ticket, AfterSales.WorkOrders.TicketQuote q) => new(
        q.QuoteId, ticket.Id.Value, q.PriceListKey, q.IssuedOn, q.Currency,
        [.. q.Lines.Select(static l => new QuoteLineResponse(l.Kind.ToString(), l.Description, l.PartNumber, l.Quantity, l.UnitPrice, l.Total, l.Note))],
        q.Lines.Where(static l => l.Kind == QuoteLineKind.Part).Sum(static l => l.Total), q.Total, q.AcceptedBy, string.Equals(ticket.Quote?.QuoteId, q.QuoteId, StringComparison.Ordinal));
}

/// <summary>A tendered price list (投标报价单) as a document: <c>PUT /price-lists/{id}</c> saves it as the next version.</summary>
public sealed record PriceListRequest
{
    /// <summary>The ISO 4217 currency of every price; CNY when omitted.</summary>
    public string? Currency { get; init; }

    /// <summary>The parts and their tendered unit prices, at least one, each part once.</summary>
    public required IReadOnlyList<PriceListPartContract> Parts { get; init; }
}

/// <summary>One part of a price list.</summary>
public sealed record PriceListPartContract
{
    /// <summary>The part number.</summary>
    public required string PartNumber { get; init; }

    /// <summary>The tendered unit price: the most a paid repair may charge for the part (R-WAR-8).</summary>
    public required decimal MaxUnitPrice { get; init; }
}

/// <summary>A version of a tenant's tendered price list.</summary>
/// <param name="Id">The list's id: the contract it was tendered for.</param>
/// <param name="Version">The version; the ETag.</param>
/// <param name="Currency">The currency of every price.</param>
/// <param name="Parts">The parts and their tendered unit prices, by part number.</param>
public sealed record PriceListResponse(string Id, int Version, string Currency, IReadOnlyList<PriceListPartContract> Parts)
{
    internal static PriceListResponse From(TenderedPriceList list) => new(
        list.Id, list.Version, list.Currency,
        [.. list.Prices.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => new PriceListPartContract { PartNumber = p.Key, MaxUnitPrice = p.Value.Amount })]);
}

public sealed record QuoteLineResponse([property: WireEnum(typeof(QuoteLineKind))] string Kind, string Description, string? PartNumber, int Quantity, decimal UnitPrice, decimal Total, string? Note);

/// <summary>The optional body of <c>POST /spares/replenishment-runs/{month}</c>: the target rule (R-SP-1).</summary>
public sealed record ReplenishmentRunRequest
{
    /// <summary>The share of the installed base to keep in stock, 0 to 1; when omitted, the configured target's (<c>AfterSalesOptions.StockTarget</c>: 0.05, 5 %, seed 000, by default).</summary>
    public decimal? Ratio { get; init; }

    /// <summary>The least to keep of every part type; 0 when omitted with a ratio, the configured target's when both are omitted.</summary>
    public int? Minimum { get; init; }
}

/// <summary>A month's replenishment run (R-SP-3): every centre's part as stored, and how many this call stored.</summary>
/// <param name="Month">The month.</param>
/// <param name="AsOf">The instant this call counted stock at: the month's end, or now for the current month.</param>
/// <param name="StoredNow">How many centres' runs this call stored: 0 when the month was already run for every centre.</param>
/// <param name="OrderCount">How many orders the month's runs placed.</param>
/// <param name="TotalUnits">The units the month's runs ordered.</param>
/// <param name="Centres">Each centre's run, by centre; its orders at .../centres/{centreId}/orders.</param>
public sealed record ReplenishmentRunResponse(YearMonth Month, Instant? AsOf, int StoredNow, long OrderCount, long TotalUnits, IReadOnlyList<ReplenishmentCentreResponse> Centres);

/// <summary>One centre's run of a month.</summary>
/// <param name="CentreId">The service centre.</param>
/// <param name="RanAt">When the run computed it.</param>
/// <param name="CellsChecked">How many part types were checked.</param>
/// <param name="OrderCount">How many orders were placed.</param>
/// <param name="TotalUnits">The units ordered.</param>
public sealed record ReplenishmentCentreResponse(string CentreId, Instant RanAt, int CellsChecked, int OrderCount, long TotalUnits);

/// <summary>A page of a centre's replenishment orders.</summary>
/// <param name="Items">The orders, by part number.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="HasMore">Whether another page follows.</param>
public sealed record ReplenishmentOrderPageResponse(IReadOnlyList<ReplenishmentOrderResponse> Items, int Page, int PageSize, bool HasMore);

/// <summary>A page of a centre's monthly stock report (R-SP-3).</summary>
/// <param name="Month">The month.</param>
/// <param name="CentreId">The service centre.</param>
/// <param name="Items">One line per part number.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="HasMore">Whether another page follows.</param>
public sealed record StockReportPageResponse(YearMonth Month, string CentreId, IReadOnlyList<StockReportLineResponse> Items, int Page, int PageSize, bool HasMore);

/// <summary>One part's month at a centre: balances and movements by kind.</summary>
/// <param name="PartNumber">The part type.</param>
/// <param name="Opening">The balance at the start of the month.</param>
/// <param name="Received">Units received.</param>
/// <param name="Issued">Units issued to work orders.</param>
/// <param name="LoanersIssued">Loaner units lent.</param>
/// <param name="Returned">Units returned.</param>
/// <param name="Scrapped">Units scrapped.</param>
/// <param name="Closing">The balance at the end of the month.</param>
public sealed record StockReportLineResponse(string PartNumber, int Opening, int Received, int Issued, int LoanersIssued, int Returned, int Scrapped, int Closing);

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
    string? WarrantyPolicy, string? ContractId, string? CentreId, string? Model, int? Grade, IReadOnlyList<RelocationResponse> Relocations,
    IReadOnlyList<RepairResponse> Repairs, IReadOnlyList<ObligationResponse> Obligations);

/// <summary>A repair a resolved work order recorded on the device (R-WAR-6).</summary>
/// <param name="WorkOrderId">The work order.</param>
/// <param name="At">When it was resolved.</param>
/// <param name="PartNumber">The part repaired; absent for the unit as such.</param>
/// <param name="Unfixable">Whether repairs cannot fix the unit.</param>
public sealed record RepairResponse(string WorkOrderId, Instant At, string? PartNumber, bool Unfixable);

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
