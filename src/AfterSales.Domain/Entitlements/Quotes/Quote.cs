using AfterSales.Internal;

namespace AfterSales.Entitlements.Quotes;

/// <summary>
/// A quote for paid (out-of-warranty) work on one device (维修报价), R-WAR-8 and R-WO-7: parts at cost
/// never above the tender, free phone support, visit fee and travel, negotiated tools. The customer
/// must accept it before parts are replaced (see <see cref="QuoteApproval"/>).
/// </summary>
/// <remarks>Immutable: <see cref="Accept"/> returns a new, accepted quote. Built by <see cref="CreateBuilder"/>.</remarks>
public sealed class Quote
{
    private readonly QuoteLine[] lines;

    internal Quote(string id, string workOrderId, string serialNumber, LocalDate issuedOn, string currency, QuoteLine[] lines, QuoteAcceptance? acceptance, string? priceListKey = null)
    {
        PriceListKey = priceListKey;
        Id = id;
        WorkOrderId = workOrderId;
        SerialNumber = serialNumber;
        IssuedOn = issuedOn;
        Currency = currency;
        this.lines = lines;
        Acceptance = acceptance;
        var total = Money.Zero(currency);
        var parts = Money.Zero(currency);
        foreach (var line in lines)
        {
            total += line.Total;
            if (line.Kind == QuoteLineKind.Part)
            {
                parts += line.Total;
            }
        }

        Total = total;
        PartsTotal = parts;
    }

    /// <summary>Starts a quote.</summary>
    /// <param name="id">The quote's id.</param>
    /// <param name="workOrderId">The work order it prices.</param>
    /// <param name="serialNumber">The device.</param>
    /// <param name="prices">The tendered price list; its currency is the quote's.</param>
    /// <param name="issuedOn">The day of issue, in the contract's zone (decides free upgrades).</param>
    /// <exception cref="ArgumentException">A blank id, work order or serial number.</exception>
    public static QuoteBuilder CreateBuilder(string id, string workOrderId, string serialNumber, TenderedPriceList prices, LocalDate issuedOn) =>
        new(id, workOrderId, serialNumber, prices, issuedOn);

    /// <summary>
    /// Builds a quote from <paramref name="lines"/> as a client asks for them, priced from the tendered
    /// list: a part line without a unit price is charged at its tendered price; one above it, or a part
    /// not on the list, is refused with the line's index (R-WAR-8). Totals are computed, never taken.
    /// </summary>
    /// <param name="id">The quote's id.</param>
    /// <param name="workOrderId">The work order it prices.</param>
    /// <param name="serialNumber">The device.</param>
    /// <param name="prices">The tendered price list; its currency is the quote's.</param>
    /// <param name="issuedOn">The day of issue.</param>
    /// <param name="lines">1 to 100 lines.</param>
    /// <returns>The quote.</returns>
    /// <exception cref="TenderedPriceExceededException">A part line is above its tendered price or not on the list; <see cref="TenderedPriceExceededException.LineIndex"/> says which.</exception>
    /// <exception cref="ArgumentException">A line is invalid; the parameter name is the line's field, e.g. <c>lines[2].unitPrice</c>.</exception>
    public static Quote FromLines(string id, string workOrderId, string serialNumber, TenderedPriceList prices, LocalDate issuedOn, IReadOnlyList<QuoteLineDraft> lines)
    {
        Identifier.Check(id);
        Guard.NotNull(prices);
        Guard.NotNull(lines);
        if (lines.Count is 0 or > 100)
        {
            throw new ArgumentException($"lines must hold 1 to 100 lines, held {lines.Count}.", nameof(lines));
        }

        var builder = CreateBuilder(id, workOrderId, serialNumber, prices, issuedOn);
        for (var i = 0; i < lines.Count; i++)
        {
            var field = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lines[{i}]");
            var line = lines[i] ?? throw new ArgumentException($"{field} must not be null.", field);
            Money Price() => Money.Of(line.UnitPrice ?? throw new ArgumentException($"{field}.unitPrice is required for a {line.Kind} line.", field + ".unitPrice"), prices.Currency);
            try
            {
                _ = line.Kind switch
                {
                    QuoteLineKind.Part => AddPart(builder, prices, line, field, i),
                    QuoteLineKind.PhoneSupport => builder.AddPhoneSupport(line.Description ?? "电话技术支持 (phone support)"),
                    QuoteLineKind.OnSiteVisit => builder.AddOnSiteVisit(Price(), line.Description ?? "上门服务费 (on-site visit)"),
                    QuoteLineKind.Travel => builder.AddTravel(Price(), line.Description ?? "差旅费 (travel)"),
                    QuoteLineKind.Tools => builder.AddToolCharge(Price(), line.Description ?? "工具费 (tools)"),
                    QuoteLineKind.Labour => builder.AddLabour(Price(), line.Description ?? "人工费 (labour)"),
                    _ => throw new ArgumentException($"{field}.kind {line.Kind} cannot be quoted from lines; use the builder.", field + ".kind"),
                };
            }
            catch (ArgumentException ex) when (ex.ParamName is not { } name || !name.StartsWith("lines[", StringComparison.Ordinal))
            {
                var at = ex.ParamName switch
                {
                    "quantity" => ".quantity",
                    "description" => ".description",
                    "partNumber" => ".partNumber",
                    _ => ".unitPrice",
                };
                var reason = ex.Message.Split(" (Parameter", 2)[0].Split('\n', 2)[0];
                reason = ex.ParamName is { } p && reason.StartsWith(p + " ", StringComparison.Ordinal) ? reason[(p.Length + 1)..] : ": " + reason;
                throw new ArgumentException($"{field}{at} {reason}", field + at, ex);
            }
        }

        return builder.Build();
    }

    /// <summary>The quote's id.</summary>
    public string Id { get; }

    /// <summary>The tendered price list it was priced from, <c>id@version</c>; <see langword="null"/> for a list without an id.</summary>
    public string? PriceListKey { get; }

    /// <summary>The work order it prices.</summary>
    public string WorkOrderId { get; }

    /// <summary>The device.</summary>
    public string SerialNumber { get; }

    /// <summary>The day of issue.</summary>
    public LocalDate IssuedOn { get; }

    /// <summary>The currency of every amount.</summary>
    public string Currency { get; }

    /// <summary>The lines, in the order added.</summary>
    public IReadOnlyList<QuoteLine> Lines => lines;

    /// <summary>The sum of all lines.</summary>
    public Money Total { get; }

    /// <summary>The sum of the part lines.</summary>
    public Money PartsTotal { get; }

    /// <summary>The customer's acceptance, once given.</summary>
    public QuoteAcceptance? Acceptance { get; }

    /// <summary>Whether the customer has accepted.</summary>
    public bool IsAccepted => Acceptance is not null;

    /// <summary>Returns this quote accepted by <paramref name="by"/> at <paramref name="at"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="by"/> is blank.</exception>
    /// <exception cref="InvalidOperationException">The quote was already accepted.</exception>
    public Quote Accept(string by, Instant at)
    {
        Guard.NotBlank(by);
        if (Acceptance is { } done)
        {
            throw new InvalidOperationException(
                $"Quote '{Id}' was already accepted by {done.AcceptedBy} at {done.AcceptedAt}; it cannot be accepted again. Issue a new quote to change it.");
        }

        return new Quote(Id, WorkOrderId, SerialNumber, IssuedOn, Currency, lines, new QuoteAcceptance(by, at), PriceListKey);
    }

    /// <inheritdoc />
    public override string ToString() => $"Quote {Id} for {WorkOrderId}: {Total}{(IsAccepted ? ", accepted" : "")}";

    private static QuoteBuilder AddPart(QuoteBuilder builder, TenderedPriceList prices, QuoteLineDraft line, string field, int index)
    {
        var part = line.PartNumber ?? throw new ArgumentException($"{field}.partNumber is required for a part line.", field + ".partNumber");
        Identifier.Check(part, field + ".partNumber");
        if (!prices.TryGetMaxPrice(part, out var cap))
        {
            throw new TenderedPriceExceededException(part, line.UnitPrice is { } given ? Money.Of(given, prices.Currency) : null, null, index, prices.Id.Length == 0 ? null : prices.Key);
        }

        var unit = line.UnitPrice is { } price ? Money.Of(price, prices.Currency) : cap;
        try
        {
            return builder.AddPart(part, line.Description ?? part, line.Quantity, unit);
        }
        catch (TenderedPriceExceededException ex)
        {
            throw new TenderedPriceExceededException(ex.PartNumber, ex.QuotedUnitPrice, ex.TenderedUnitPrice, index, prices.Id.Length == 0 ? null : prices.Key);
        }
    }
}
