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

    internal Quote(string id, string workOrderId, string serialNumber, LocalDate issuedOn, string currency, QuoteLine[] lines, QuoteAcceptance? acceptance)
    {
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

    /// <summary>The quote's id.</summary>
    public string Id { get; }

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

        return new Quote(Id, WorkOrderId, SerialNumber, IssuedOn, Currency, lines, new QuoteAcceptance(by, at));
    }

    /// <inheritdoc />
    public override string ToString() => $"Quote {Id} for {WorkOrderId}: {Total}{(IsAccepted ? ", accepted" : "")}";
}
