using AfterSales.Internal;

namespace AfterSales.Entitlements.Quotes;

/// <summary>Who accepted a quote for the customer, and when (客户确认). Immutable.</summary>
public sealed class QuoteAcceptance
{
    internal QuoteAcceptance(string acceptedBy, Instant acceptedAt)
    {
        AcceptedBy = Guard.NotBlank(acceptedBy);
        AcceptedAt = acceptedAt;
    }

    /// <summary>The customer's representative who accepted.</summary>
    public string AcceptedBy { get; }

    /// <summary>When.</summary>
    public Instant AcceptedAt { get; }
}
