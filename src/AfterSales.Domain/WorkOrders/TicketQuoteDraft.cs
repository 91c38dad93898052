using AfterSales.Entitlements.Quotes;

namespace AfterSales.WorkOrders;

/// <summary>
/// What <see cref="TicketService.SubmitQuoteAsync"/> quotes (报价请求): the lines, and optionally the
/// quote's id, the price list (id and version) and the day of issue. Immutable.
/// </summary>
public sealed record TicketQuoteDraft
{
    /// <summary>The quote's id; <c>Q-</c> and the ticket's quote count + 1 when omitted.</summary>
    public string? QuoteId { get; init; }

    /// <summary>The tendered price list's id; the contract the entitlement check found at report when omitted.</summary>
    public string? PriceListId { get; init; }

    /// <summary>The price list's version; the latest when omitted.</summary>
    public int? PriceListVersion { get; init; }

    /// <summary>The day of issue; today in Beijing time when omitted.</summary>
    public LocalDate? IssuedOn { get; init; }

    /// <summary>The lines, 1 to 100.</summary>
    public required IReadOnlyList<QuoteLineDraft> Lines { get; init; }
}
