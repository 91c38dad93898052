namespace AfterSales.WorkOrders;

/// <summary>
/// The quote for paid, out-of-warranty work as the work order records it (报价, R-WAR-8, R-WO-7):
/// its id, total and, once the customer agreed, who accepted it. The quote itself (lines, price
/// ceiling) lives in <c>AfterSales.Entitlements.Quotes.Quote</c>.
/// </summary>
public sealed record TicketQuote
{
    /// <summary>The quote's id.</summary>
    public required string QuoteId { get; init; }

    /// <summary>The quoted total.</summary>
    public required decimal Total { get; init; }

    /// <summary>The ISO 4217 currency of <see cref="Total"/>, e.g. <c>CNY</c>.</summary>
    public required string Currency { get; init; }

    /// <summary>Who accepted the quote for the customer; <see langword="null"/> until accepted.</summary>
    public string? AcceptedBy { get; init; }
}
