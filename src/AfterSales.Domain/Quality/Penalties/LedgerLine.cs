using System.Globalization;

namespace AfterSales.Quality.Penalties;

/// <summary>One explained amount of an <see cref="EngineerLedger"/>. Immutable.</summary>
public sealed class LedgerLine
{
    internal LedgerLine(LedgerLineKind kind, decimal amount, string reference, string explanation)
    {
        Kind = kind;
        Amount = amount;
        Reference = reference;
        Explanation = explanation;
    }

    /// <summary>What the line accounts for.</summary>
    public LedgerLineKind Kind { get; }

    /// <summary>The signed amount: negative for fines and deductions, zero for notes.</summary>
    public decimal Amount { get; }

    /// <summary>The complaint or work order id the line is about; empty for month-wide lines.</summary>
    public string Reference { get; }

    /// <summary>Why, in words.</summary>
    public string Explanation { get; }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind} {Amount:0.00} {Reference}: {Explanation}");
}
