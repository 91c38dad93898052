using AfterSales.Internal;

namespace AfterSales.Quality.Inspections;

/// <summary>
/// What an inspection plan covers and a record is signed for (巡检对象): one device by its serial
/// number (R-IN-3: 按设备序列号) or a whole site (e.g. a CCTV system's monthly round, R-IN-1).
/// Equal by kind and id (ordinal). Immutable.
/// </summary>
public sealed class InspectionSubject : IEquatable<InspectionSubject>
{
    private InspectionSubject(InspectionSubjectKind kind, string id)
    {
        Kind = kind;
        Id = id;
    }

    /// <summary>A device by its serial number.</summary>
    /// <exception cref="ArgumentException"><paramref name="serialNumber"/> is blank.</exception>
    public static InspectionSubject Device(string serialNumber) => new(InspectionSubjectKind.Device, Guard.NotBlank(serialNumber));

    /// <summary>A site by its name.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public static InspectionSubject Site(string name) => new(InspectionSubjectKind.Site, Guard.NotBlank(name));

    /// <summary>A device or a site.</summary>
    public InspectionSubjectKind Kind { get; }

    /// <summary>The device's serial number or the site's name.</summary>
    public string Id { get; }

    /// <inheritdoc />
    public bool Equals(InspectionSubject? other) => other is not null && Kind == other.Kind && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as InspectionSubject);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, StringComparer.Ordinal.GetHashCode(Id));

    /// <summary>E.g. <c>device K-001</c> or <c>site 网点A</c>.</summary>
    public override string ToString() => (Kind == InspectionSubjectKind.Device ? "device " : "site ") + Id;
}

/// <summary>The kinds of <see cref="InspectionSubject"/>.</summary>
public enum InspectionSubjectKind
{
    /// <summary>One device, by serial number (设备).</summary>
    Device,

    /// <summary>A whole site (站点).</summary>
    Site,
}
