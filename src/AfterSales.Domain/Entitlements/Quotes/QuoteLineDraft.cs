namespace AfterSales.Entitlements.Quotes;

/// <summary>
/// One line of a quote as a client asks for it (报价明细), for <see cref="Quote.FromLines"/>: the kind,
/// the part and quantity, and a unit price — for a part at cost, at most the tendered price and the
/// tendered price when omitted; for a service, the amount. Immutable.
/// </summary>
public sealed record QuoteLineDraft
{
    /// <summary>What the line charges for.</summary>
    public required QuoteLineKind Kind { get; init; }

    /// <summary>The part number, for a <see cref="QuoteLineKind.Part"/> line: it must be on the tendered price list.</summary>
    public string? PartNumber { get; init; }

    /// <summary>The description shown to the customer; the part number or the kind's name when omitted.</summary>
    public string? Description { get; init; }

    /// <summary>How many, at least 1.</summary>
    /// <value>The default value is 1.</value>
    public int Quantity { get; init; } = 1;

    /// <summary>The unit price: for a part at most its tendered price (the tendered price when omitted); for a service the amount, required.</summary>
    public decimal? UnitPrice { get; init; }
}
