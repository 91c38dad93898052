using AfterSales.Entitlements.Quotes;

namespace AfterSales.WorkOrders;

/// <summary>One line of a <see cref="TicketQuote"/>: what, how many, at what unit price, and why priced so. Immutable; value equality.</summary>
public sealed record TicketQuoteLine
{
    /// <summary>What the line charges for.</summary>
    public required QuoteLineKind Kind { get; init; }

    /// <summary>The description shown to the customer.</summary>
    public required string Description { get; init; }

    /// <summary>The part number, for <see cref="QuoteLineKind.Part"/> lines.</summary>
    public string? PartNumber { get; init; }

    /// <summary>The quantity (1 for services).</summary>
    public required int Quantity { get; init; }

    /// <summary>The unit price, in the quote's currency.</summary>
    public required decimal UnitPrice { get; init; }

    /// <summary>Why the line is priced as it is, when that is not obvious (e.g. "free: phone support is always free").</summary>
    public string? Note { get; init; }

    /// <summary><see cref="UnitPrice"/> × <see cref="Quantity"/>.</summary>
    public decimal Total => UnitPrice * Quantity;
}
