using System.Globalization;
using System.Text;

namespace AfterSales.Sla;

/// <summary>
/// When an SLA target applies beyond its severity: the report channel, the site's locality and
/// a distance band (R-SLA-2, R-SLA-4, R-SLA-9). An empty set means "any".
/// </summary>
/// <remarks>Immutable. Built through <see cref="SlaTargetBuilder"/>.</remarks>
public sealed class SlaTargetConditions
{
    internal SlaTargetConditions(
        IReadOnlyCollection<ReportChannel> channels,
        IReadOnlyCollection<SiteLocality> localities,
        int? minDistanceKm,
        int? maxDistanceKm)
    {
        Channels = channels.Distinct().Order().ToArray();
        Localities = localities.Distinct().Order().ToArray();
        MinDistanceKm = minDistanceKm;
        MaxDistanceKm = maxDistanceKm;
    }

    /// <summary>No condition: the target applies to every channel and site.</summary>
    public static SlaTargetConditions Any { get; } = new([], [], null, null);

    /// <summary>The report channels the target applies to; empty means any channel.</summary>
    public IReadOnlyList<ReportChannel> Channels { get; }

    /// <summary>The site localities the target applies to; empty means any locality.</summary>
    public IReadOnlyList<SiteLocality> Localities { get; }

    /// <summary>The least distance in km (inclusive) the target applies to, if it has a distance band.</summary>
    public int? MinDistanceKm { get; }

    /// <summary>The greatest distance in km (exclusive) the target applies to, if the band is bounded above.</summary>
    public int? MaxDistanceKm { get; }

    /// <summary>Whether any condition is set.</summary>
    public bool IsAny => Channels.Count == 0 && Localities.Count == 0 && MinDistanceKm is null && MaxDistanceKm is null;

    /// <summary>
    /// Whether a ticket reported through <paramref name="channel"/> for <paramref name="site"/>
    /// meets the conditions. A distance band needs a known distance: a site without one does not match it.
    /// </summary>
    public bool Matches(ReportChannel channel, ServiceSite site)
    {
        if (Channels.Count > 0 && !Channels.Contains(channel))
        {
            return false;
        }

        if (Localities.Count > 0 && !Localities.Contains(site.Locality))
        {
            return false;
        }

        if (MinDistanceKm is null && MaxDistanceKm is null)
        {
            return true;
        }

        return site.DistanceKm is { } d
            && (MinDistanceKm is not { } min || d >= min)
            && (MaxDistanceKm is not { } max || d < max);
    }

    /// <summary>E.g. <c>channel Phone, WalkIn; site Travel; distance ≥ 1000 km</c>, or <c>any</c>.</summary>
    public override string ToString()
    {
        if (IsAny)
        {
            return "any";
        }

        var text = new StringBuilder();
        if (Channels.Count > 0)
        {
            text.Append("channel ").AppendJoin(", ", Channels);
        }

        if (Localities.Count > 0)
        {
            text.Append(text.Length > 0 ? "; " : "").Append("site ").AppendJoin(", ", Localities);
        }

        if (MinDistanceKm is not null || MaxDistanceKm is not null)
        {
            text.Append(text.Length > 0 ? "; " : "").Append("distance ");
            if (MinDistanceKm is { } min)
            {
                text.Append(CultureInfo.InvariantCulture, $"≥ {min} km");
            }

            if (MaxDistanceKm is { } max)
            {
                text.Append(MinDistanceKm is null ? "" : " and ").Append(CultureInfo.InvariantCulture, $"< {max} km");
            }
        }

        return text.ToString();
    }
}
