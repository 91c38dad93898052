namespace AfterSales.Quality.Reporting;

/// <summary>
/// A device's availability over a period (设备可用率), R-RP-4: 1 − downtime / period length, where
/// downtime is the union of its work orders' fault-to-restoration intervals cut to the period (the
/// resolution stands in for a restoration not recorded); a fault not yet restored counts to the period's end. Immutable.
/// </summary>
public sealed class DeviceAvailability
{
    internal DeviceAvailability(string deviceSerial, Duration downtime, Duration periodLength)
    {
        DeviceSerial = deviceSerial;
        Downtime = downtime;
        PeriodLength = periodLength;
    }

    /// <summary>The device.</summary>
    public string DeviceSerial { get; }

    /// <summary>Elapsed downtime within the period.</summary>
    public Duration Downtime { get; }

    /// <summary>The period's elapsed length.</summary>
    public Duration PeriodLength { get; }

    /// <summary>Availability 0–1.</summary>
    public decimal Availability => 1m - ((decimal)Downtime.TotalSeconds / (decimal)PeriodLength.TotalSeconds);
}
