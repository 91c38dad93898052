namespace AfterSales.Entitlements.Quotes;

/// <summary>One line of a <see cref="Quote"/>: what, how many, at what unit price. Immutable; built by <see cref="QuoteBuilder"/>.</summary>
public sealed class QuoteLine
{
    internal QuoteLine(QuoteLineKind kind, string description, string? partNumber, int quantity, Money unitPrice, string? note)
    {
        Kind = kind;
        Description = description;
        PartNumber = partNumber;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Note = note;
    }

    /// <summary>What the line charges for.</summary>
    public QuoteLineKind Kind { get; }

    /// <summary>The description shown to the customer.</summary>
    public string Description { get; }

    /// <summary>The part number, for <see cref="QuoteLineKind.Part"/> lines.</summary>
    public string? PartNumber { get; }

    /// <summary>The quantity (1 for services).</summary>
    public int Quantity { get; }

    /// <summary>The unit price.</summary>
    public Money UnitPrice { get; }

    /// <summary><see cref="UnitPrice"/> × <see cref="Quantity"/>.</summary>
    public Money Total => UnitPrice.Times(Quantity);

    /// <summary>Why the line is priced as it is, when that is not obvious (e.g. "free: within the upgrade window").</summary>
    public string? Note { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Description} ×{Quantity} @ {UnitPrice} = {Total}";
}
