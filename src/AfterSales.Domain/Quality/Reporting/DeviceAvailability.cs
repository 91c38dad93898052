namespace AfterSales.Quality.Reporting;

/// <summary>
/// A device's availability over the measured part of a period (设备可用率), R-RP-4: 1 − downtime /
/// measured length, where downtime is the union of its work orders' down intervals (fault or
/// recurrence to restoration; the resolution stands in for a restoration not recorded) cut to the
/// measured part. A fault not yet restored counts until the report's "as of" instant, never beyond. Immutable.
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

    /// <summary>Elapsed downtime within the measured part of the period.</summary>
    public Duration Downtime { get; }

    /// <summary>The measured length: the period's, or its elapsed part when in progress.</summary>
    public Duration PeriodLength { get; }

    /// <summary>Availability 0–1.</summary>
    public decimal Availability => 1m - ((decimal)Downtime.TotalSeconds / (decimal)PeriodLength.TotalSeconds);
}
