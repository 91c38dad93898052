using AfterSales.Internal;

namespace AfterSales.Entitlements.Quotes;

/// <summary>
/// The unit prices of the tender (投标报价单): for each part number, the most a paid repair may
/// charge for it (不高于本次投标部件价格), R-WAR-8.
/// </summary>
/// <remarks>
/// <para>Immutable and thread-safe; part numbers compare ordinally. All prices share one currency.</para>
/// <para><b>Versioned data.</b> A tenant keeps one list per contract (<see cref="Id"/>, the contract's
/// id) in an <see cref="IPriceListCatalog"/>, every change saved as the next <see cref="Version"/>;
/// a quote records the <see cref="Key"/> it was priced from, so it can be checked later against the
/// very prices it used.</para>
/// </remarks>
public sealed class TenderedPriceList
{
    private readonly Dictionary<string, Money> prices;

    private TenderedPriceList(string currency, Dictionary<string, Money> prices, string id = "", int version = 0)
    {
        Currency = currency;
        this.prices = prices;
        Id = id;
        Version = version;
    }

    /// <summary>An empty list in <paramref name="currency"/> (CNY by default).</summary>
    /// <exception cref="ArgumentException"><paramref name="currency"/> is not an ISO 4217 code.</exception>
    public static TenderedPriceList Empty(string currency = Money.DefaultCurrency) =>
        new(Money.Zero(currency).Currency, new Dictionary<string, Money>(StringComparer.Ordinal));

    /// <summary>A list of (part number, tendered unit price) pairs in <paramref name="currency"/>.</summary>
    /// <exception cref="ArgumentException">A blank or repeated part number, a negative price, or a price in another currency.</exception>
    public static TenderedPriceList From(IEnumerable<KeyValuePair<string, Money>> prices, string currency = Money.DefaultCurrency)
    {
        Guard.NotNull(prices);
        var list = Empty(currency);
        var dictionary = new Dictionary<string, Money>(StringComparer.Ordinal);
        foreach (var (partNumber, price) in prices)
        {
            list.Check(partNumber, price);
            if (!dictionary.TryAdd(partNumber, price))
            {
                throw new ArgumentException($"prices lists part '{partNumber}' twice.", nameof(prices));
            }
        }

        return new TenderedPriceList(list.Currency, dictionary);
    }

    /// <summary>The list's id — the contract it was tendered for (合同); empty for a list built in code and never saved.</summary>
    public string Id { get; }

    /// <summary>The version a catalog saved it as: 1, 2, 3 …; 0 for a list not saved.</summary>
    public int Version { get; }

    /// <summary><c>id@version</c>, as a quote records it.</summary>
    public string Key => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Id}@{Version}");

    /// <summary>The currency of every price.</summary>
    public string Currency { get; }

    /// <summary>How many parts are listed.</summary>
    public int Count => prices.Count;

    /// <summary>The listed parts and their tendered unit prices.</summary>
    public IReadOnlyDictionary<string, Money> Prices => prices;

    /// <summary>Returns this list named <paramref name="id"/> (the contract's id), unsaved (version 0).</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> breaks the <see cref="Identifier"/> rule.</exception>
    public TenderedPriceList WithId(string id) => new(Currency, prices, Identifier.Check(id));

    /// <summary>Returns this list as saved at <paramref name="version"/>; for catalogs.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public TenderedPriceList WithVersion(int version) => new(Currency, prices, Id, EntitlementGuard.Positive(version));

    /// <summary>Returns this list with <paramref name="partNumber"/> at <paramref name="maxUnitPrice"/> (added or replaced).</summary>
    /// <exception cref="ArgumentException">A blank part number, a negative price, or a price in another currency.</exception>
    public TenderedPriceList With(string partNumber, Money maxUnitPrice)
    {
        Check(partNumber, maxUnitPrice);
        return new TenderedPriceList(Currency, new Dictionary<string, Money>(prices, StringComparer.Ordinal) { [partNumber] = maxUnitPrice }, Id);
    }

    /// <summary>The tendered unit price of <paramref name="partNumber"/>, if listed.</summary>
    public bool TryGetMaxPrice(string partNumber, out Money maxUnitPrice) => prices.TryGetValue(Guard.NotBlank(partNumber), out maxUnitPrice);

    private void Check(string partNumber, Money maxUnitPrice)
    {
        Identifier.Check(partNumber);
        if (!string.Equals(maxUnitPrice.Currency, Currency, StringComparison.Ordinal))
        {
            throw new ArgumentException($"maxUnitPrice of '{partNumber}' is in {maxUnitPrice.Currency}, the price list in {Currency}.", nameof(maxUnitPrice));
        }

        if (maxUnitPrice.Amount < 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(maxUnitPrice), maxUnitPrice, $"maxUnitPrice of '{partNumber}' must not be negative, was {maxUnitPrice}.");
        }
    }
}
