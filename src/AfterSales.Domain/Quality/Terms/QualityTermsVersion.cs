namespace AfterSales.Quality.Terms;

/// <summary>One adopted version of a tenant's <see cref="QualityTerms"/> (条款版本): in force from <see cref="AdoptedAt"/> until the next. Immutable.</summary>
public sealed class QualityTermsVersion
{
    /// <summary>Creates a version.</summary>
    public QualityTermsVersion(QualityTerms terms, int version, Instant adoptedAt)
    {
        Terms = terms ?? throw new ArgumentNullException(nameof(terms));
        Version = version >= 0 ? version : throw new ArgumentOutOfRangeException(nameof(version), version, $"version must not be negative, was {version}.");
        AdoptedAt = adoptedAt;
    }

    /// <summary>The defaults (<see cref="QualityTerms.Default"/>), version 0, in force since the beginning of time.</summary>
    public static QualityTermsVersion Default { get; } = new(QualityTerms.Default, 0, Instant.MinValue);

    /// <summary>The terms.</summary>
    public QualityTerms Terms { get; }

    /// <summary>1, 2, 3 … per tenant; 0 for the defaults.</summary>
    public int Version { get; }

    /// <summary>When it was adopted: it governs facts from then on.</summary>
    public Instant AdoptedAt { get; }
}
