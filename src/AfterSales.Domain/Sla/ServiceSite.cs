using AfterSales.Internal;

namespace AfterSales.Sla;

/// <summary>
/// Where a work order's device stands, as far as SLA targets care: its locality and, when known,
/// its distance from the service centre in kilometres (R-SLA-9).
/// </summary>
public readonly struct ServiceSite : IEquatable<ServiceSite>
{
    /// <summary>Creates a site description.</summary>
    /// <param name="locality">Local, non-local, or reached by travel.</param>
    /// <param name="distanceKm">The distance from the service centre in km, when known; not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="distanceKm"/> is negative.</exception>
    public ServiceSite(SiteLocality locality, int? distanceKm = null)
    {
        Locality = locality;
        DistanceKm = distanceKm is { } d ? Guard.NotNegative(d, nameof(distanceKm)) : null;
    }

    /// <summary>A site in the service centre's city.</summary>
    public static ServiceSite Local => new(SiteLocality.Local);

    /// <summary>A site outside the city, reached by road.</summary>
    public static ServiceSite NonLocal => new(SiteLocality.NonLocal);

    /// <summary>A site reached by train or plane, <paramref name="distanceKm"/> away.</summary>
    public static ServiceSite Travel(int distanceKm) => new(SiteLocality.Travel, distanceKm);

    /// <summary>Local, non-local or travel.</summary>
    public SiteLocality Locality { get; }

    /// <summary>The distance from the service centre in km, when known.</summary>
    public int? DistanceKm { get; }

    /// <inheritdoc />
    public bool Equals(ServiceSite other) => Locality == other.Locality && DistanceKm == other.DistanceKm;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ServiceSite other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Locality, DistanceKm);

    /// <summary>Equality.</summary>
    public static bool operator ==(ServiceSite left, ServiceSite right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(ServiceSite left, ServiceSite right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() =>
        DistanceKm is { } d ? $"{Locality} ({d.ToString(System.Globalization.CultureInfo.InvariantCulture)} km)" : Locality.ToString();
}
