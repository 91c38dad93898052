using AfterSales.Entitlements.Warranty;
using AfterSales.Internal;

namespace AfterSales.Entitlements.Quotes;

/// <summary>
/// Builds a <see cref="Quote"/> for paid work line by line, enforcing the pricing rules of R-WAR-8 as
/// each line is added: parts never above their tendered price, phone support free, software upgrades
/// free within the contract's window. Not thread-safe; the quote it builds is immutable.
/// </summary>
public sealed class QuoteBuilder
{
    private readonly List<QuoteLine> lines = [];
    private readonly string quoteId;
    private readonly string workOrderId;
    private readonly string serialNumber;
    private readonly TenderedPriceList prices;
    private readonly LocalDate issuedOn;

    internal QuoteBuilder(string quoteId, string workOrderId, string serialNumber, TenderedPriceList prices, LocalDate issuedOn)
    {
        this.quoteId = Guard.NotBlank(quoteId);
        this.workOrderId = Guard.NotBlank(workOrderId);
        this.serialNumber = Guard.NotBlank(serialNumber);
        this.prices = Guard.NotNull(prices);
        this.issuedOn = SupportedDates.Check(issuedOn);
    }

    /// <summary>Adds a part at cost.</summary>
    /// <param name="partNumber">The part number, as on the tendered price list.</param>
    /// <param name="description">The description shown to the customer.</param>
    /// <param name="quantity">How many, at least 1.</param>
    /// <param name="unitCost">The unit cost charged; at most the tendered price.</param>
    /// <exception cref="TenderedPriceExceededException">The unit cost is above the tendered price, or the part is not on the list.</exception>
    /// <exception cref="ArgumentException">A blank part number, a quantity below 1, a negative cost or another currency.</exception>
    public QuoteBuilder AddPart(string partNumber, string description, int quantity, Money unitCost)
    {
        Guard.NotBlank(partNumber);
        EntitlementGuard.Positive(quantity);
        CheckAmount(unitCost);
        if (!prices.TryGetMaxPrice(partNumber, out var max))
        {
            throw new TenderedPriceExceededException(partNumber, unitCost, null);
        }

        if (unitCost > max)
        {
            throw new TenderedPriceExceededException(partNumber, unitCost, max);
        }

        lines.Add(new QuoteLine(QuoteLineKind.Part, Guard.NotBlank(description), partNumber, quantity, unitCost, null));
        return this;
    }

    /// <summary>Adds telephone support, always free of charge.</summary>
    public QuoteBuilder AddPhoneSupport(string description = "电话技术支持 (phone support)")
    {
        lines.Add(new QuoteLine(QuoteLineKind.PhoneSupport, Guard.NotBlank(description), null, 1, Money.Zero(prices.Currency), "free: phone support is always free (R-WAR-8)"));
        return this;
    }

    /// <summary>Adds the on-site visit fee.</summary>
    /// <exception cref="ArgumentException">A negative fee or another currency.</exception>
    public QuoteBuilder AddOnSiteVisit(Money fee, string description = "上门服务费 (on-site visit)") =>
        AddService(QuoteLineKind.OnSiteVisit, description, fee);

    /// <summary>Adds travel costs of the visit.</summary>
    /// <exception cref="ArgumentException">A negative cost or another currency.</exception>
    public QuoteBuilder AddTravel(Money cost, string description = "差旅费 (travel)") =>
        AddService(QuoteLineKind.Travel, description, cost);

    /// <summary>Adds a negotiated charge for heavy tools or equipment.</summary>
    /// <exception cref="ArgumentException">A negative charge or another currency.</exception>
    public QuoteBuilder AddToolCharge(Money negotiated, string description) =>
        AddService(QuoteLineKind.Tools, description, negotiated);

    /// <summary>Adds labour.</summary>
    /// <exception cref="ArgumentException">A negative charge or another currency.</exception>
    public QuoteBuilder AddLabour(Money charge, string description = "人工费 (labour)") =>
        AddService(QuoteLineKind.Labour, description, charge);

    /// <summary>
    /// Adds a software upgrade: free when <paramref name="window"/>, counted from <paramref name="windowStart"/>,
    /// covers the quote's issue day; at <paramref name="price"/> otherwise.
    /// </summary>
    /// <exception cref="ArgumentException">A negative price or another currency.</exception>
    public QuoteBuilder AddSoftwareUpgrade(string description, Money price, FreeUpgradeWindow window, LocalDate windowStart)
    {
        Guard.NotNull(window);
        CheckAmount(price);
        var free = window.Covers(windowStart, issuedOn);
        lines.Add(new QuoteLine(QuoteLineKind.SoftwareUpgrade, Guard.NotBlank(description), null, 1,
            free ? Money.Zero(prices.Currency) : price,
            free ? $"free: within the contract's upgrade window ({window} from {WarrantyPolicy.D(windowStart)})" : $"charged: outside the upgrade window ({window})"));
        return this;
    }

    /// <summary>Builds the quote.</summary>
    /// <exception cref="InvalidOperationException">No line was added.</exception>
    public Quote Build() =>
        lines.Count == 0
            ? throw new InvalidOperationException($"Quote '{quoteId}' has no lines: add at least one before building it.")
            : new Quote(quoteId, workOrderId, serialNumber, issuedOn, prices.Currency, [.. lines], null, prices.Id.Length == 0 ? null : prices.Key);

    private QuoteBuilder AddService(
        QuoteLineKind kind, string description, Money charge, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(charge))] string? name = null)
    {
        CheckAmount(charge, name);
        lines.Add(new QuoteLine(kind, Guard.NotBlank(description), null, 1, charge, null));
        return this;
    }

    private void CheckAmount(Money amount, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(amount))] string? name = null)
    {
        if (!string.Equals(amount.Currency, prices.Currency, StringComparison.Ordinal))
        {
            throw new ArgumentException($"{name} is in {amount.Currency}, the quote in {prices.Currency}.", name);
        }

        if (amount.Amount < 0m)
        {
            throw new ArgumentOutOfRangeException(name, amount, $"{name} must not be negative, was {amount}.");
        }
    }
}
