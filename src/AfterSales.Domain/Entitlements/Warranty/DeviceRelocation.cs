using AfterSales.Internal;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// A move of a device to another place (迁移, 移机), R-WAR-10. Kept in the device's history for the
/// record; it never changes the warranty ("该设备的保修服务依然有效", seed 001). Immutable.
/// </summary>
public sealed class DeviceRelocation
{
    /// <summary>Creates a relocation record.</summary>
    /// <param name="on">The day of the move.</param>
    /// <param name="from">Where the device was.</param>
    /// <param name="to">Where it is now.</param>
    /// <exception cref="ArgumentException"><paramref name="from"/> or <paramref name="to"/> is blank.</exception>
    public DeviceRelocation(LocalDate on, string from, string to)
    {
        On = SupportedDates.Check(on);
        From = Guard.NotBlank(from);
        To = Guard.NotBlank(to);
    }

    /// <summary>The day of the move.</summary>
    public LocalDate On { get; }

    /// <summary>Where the device was.</summary>
    public string From { get; }

    /// <summary>Where it is now.</summary>
    public string To { get; }
}
