namespace AfterSales.Entitlements.Quotes;

/// <summary>
/// A quote line would charge a part above its tendered price, or a part the tender does not list
/// (R-WAR-8: 不高于本次投标部件价格). The line is rejected, never silently capped, so the price the
/// customer sees is the price someone chose.
/// </summary>
public sealed class TenderedPriceExceededException : AfterSalesException
{
    internal TenderedPriceExceededException(string partNumber, Money? quotedUnitPrice, Money? tenderedUnitPrice, int? lineIndex = null, string? priceListKey = null)
        : base((lineIndex is { } i ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lines[{i}]: ") : "") + (tenderedUnitPrice is { } max
            ? $"Part '{partNumber}' is quoted at {quotedUnitPrice} per unit, above its tendered price of {max} (R-WAR-8: parts at cost, never above the tender)."
            : $"Part '{partNumber}' is not on the tendered price list{(priceListKey is null ? "" : " " + priceListKey)}, so there is no ceiling to check against (R-WAR-8). Add its tendered price first."))
    {
        PartNumber = partNumber;
        QuotedUnitPrice = quotedUnitPrice;
        TenderedUnitPrice = tenderedUnitPrice;
        LineIndex = lineIndex;
    }

    /// <summary>The part.</summary>
    public string PartNumber { get; }

    /// <summary>The unit price quoted; <see langword="null"/> when none was given for a part not on the list.</summary>
    public Money? QuotedUnitPrice { get; }

    /// <summary>The index of the refused line in the lines given, when the quote was built from lines.</summary>
    public int? LineIndex { get; }

    /// <summary>The tendered unit price; <see langword="null"/> when the part is not listed.</summary>
    public Money? TenderedUnitPrice { get; }
}
