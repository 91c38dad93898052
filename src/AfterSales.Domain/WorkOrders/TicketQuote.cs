using System.Globalization;

namespace AfterSales.WorkOrders;

/// <summary>
/// A quote for paid, out-of-warranty work as the work order records it (报价, R-WAR-8, R-WO-7): its
/// id, the tendered price list it was priced from, its lines and — once the customer agreed — who
/// accepted it. The total is computed from the lines, never given. Built from an
/// <see cref="Entitlements.Quotes.Quote"/> by <see cref="Ticket.SubmitQuote"/>; kept whole in the event,
/// so the quote is stored with the ticket it belongs to.
/// </summary>
/// <remarks>Immutable; value equality (the lines compare element by element).</remarks>
public sealed record TicketQuote
{
    /// <summary>The quote's id, unique within the ticket.</summary>
    public required string QuoteId { get; init; }

    /// <summary>The ISO 4217 currency of every amount, e.g. <c>CNY</c>.</summary>
    public required string Currency { get; init; }

    /// <summary>The lines, in the order quoted.</summary>
    public required IReadOnlyList<TicketQuoteLine> Lines { get; init; }

    /// <summary>The tendered price list it was priced from, <c>id@version</c>; <see langword="null"/> for a list without an id.</summary>
    public string? PriceListKey { get; init; }

    /// <summary>The day of issue, in the contract's zone.</summary>
    public LocalDate IssuedOn { get; init; }

    /// <summary>Who accepted the quote for the customer; <see langword="null"/> until accepted.</summary>
    public string? AcceptedBy { get; init; }

    /// <summary>The sum of the lines (a decimal with two places).</summary>
    public decimal Total => Lines.Sum(static l => l.Total);

    /// <summary>The quantity of <paramref name="partNumber"/> the quote's part lines allow.</summary>
    public int QuantityOf(string partNumber) =>
        Lines.Where(l => l.Kind == Entitlements.Quotes.QuoteLineKind.Part && string.Equals(l.PartNumber, partNumber, StringComparison.Ordinal)).Sum(static l => l.Quantity);

    /// <inheritdoc />
    public bool Equals(TicketQuote? other) =>
        other is not null
        && string.Equals(QuoteId, other.QuoteId, StringComparison.Ordinal)
        && string.Equals(Currency, other.Currency, StringComparison.Ordinal)
        && string.Equals(PriceListKey, other.PriceListKey, StringComparison.Ordinal)
        && IssuedOn == other.IssuedOn
        && string.Equals(AcceptedBy, other.AcceptedBy, StringComparison.Ordinal)
        && Lines.SequenceEqual(other.Lines);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(QuoteId, Currency, Lines.Count, AcceptedBy);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"quote {QuoteId}: {Currency} {Total:0.00}{(AcceptedBy is null ? "" : ", accepted by " + AcceptedBy)}");
}
