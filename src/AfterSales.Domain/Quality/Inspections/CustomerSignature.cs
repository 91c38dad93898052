using AfterSales.Internal;

namespace AfterSales.Quality.Inspections;

/// <summary>The customer's signature on an inspection record (用户签字确认). Immutable.</summary>
public sealed class CustomerSignature
{
    /// <summary>Creates a signature.</summary>
    /// <exception cref="ArgumentException"><paramref name="signedBy"/> is blank.</exception>
    public CustomerSignature(string signedBy, LocalDate signedOn)
    {
        SignedBy = Guard.NotBlank(signedBy);
        SignedOn = signedOn;
    }

    /// <summary>Who signed for the customer.</summary>
    public string SignedBy { get; }

    /// <summary>When.</summary>
    public LocalDate SignedOn { get; }
}
