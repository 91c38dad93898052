using AfterSales.Internal;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// What the warranty of one device or part depends on, kept per serial number (R-WO-10): its
/// component class, the days of acceptance (验收), handover (移交) and completion of the works
/// (竣工), its replacements (R-WAR-3), the periods it lay packed on the shelf (R-WAR-5) and its
/// relocations (R-WAR-10).
/// </summary>
/// <remarks>
/// Immutable; the <c>With…</c> methods return a new record. All dates are <see cref="LocalDate"/>s
/// in the contract's time zone (<see cref="WarrantyPolicy.Zone"/>), the way certificates state them.
/// </remarks>
public sealed class DeviceRecord
{
    private readonly DeviceReplacement[] replacements;
    private readonly DateInterval[] shelfPeriods;
    private readonly DeviceRelocation[] relocations;

    private DeviceRecord(
        string serialNumber, ComponentClass component, LocalDate? acceptedOn, LocalDate? handedOverOn, LocalDate? completedOn,
        DeviceReplacement[] replacements, DateInterval[] shelfPeriods, DeviceRelocation[] relocations)
    {
        SerialNumber = serialNumber;
        Component = component;
        AcceptedOn = acceptedOn;
        HandedOverOn = handedOverOn;
        CompletedOn = completedOn;
        this.replacements = replacements;
        this.shelfPeriods = shelfPeriods;
        this.relocations = relocations;
    }

    /// <summary>Creates the record of a delivered device or part.</summary>
    /// <param name="serialNumber">The serial number.</param>
    /// <param name="component">Its component class, which selects the contract's term.</param>
    /// <param name="acceptedOn">The day the acceptance certificate was signed (验收), if there is one.</param>
    /// <param name="handedOverOn">The day of formal handover (移交), if recorded.</param>
    /// <param name="completedOn">The day the works were completed (竣工), the fallback start when acceptance is missing (R-WAR-2).</param>
    /// <exception cref="ArgumentException">The serial number is blank, or none of the three days is given.</exception>
    public static DeviceRecord Create(
        string serialNumber, ComponentClass component, LocalDate? acceptedOn = null, LocalDate? handedOverOn = null, LocalDate? completedOn = null)
    {
        Identifier.Check(serialNumber);
        Guard.NotNull(component);
        SupportedDates.Check(acceptedOn);
        SupportedDates.Check(handedOverOn);
        SupportedDates.Check(completedOn);
        if (acceptedOn is null && handedOverOn is null && completedOn is null)
        {
            throw new ArgumentException("acceptedOn, handedOverOn or completedOn must be given: a warranty needs a day to start from.", nameof(acceptedOn));
        }

        return new DeviceRecord(serialNumber, component, acceptedOn, handedOverOn, completedOn, [], [], []);
    }

    /// <summary>The serial number.</summary>
    public string SerialNumber { get; }

    /// <summary>The component class.</summary>
    public ComponentClass Component { get; }

    /// <summary>The day of acceptance, if certified.</summary>
    public LocalDate? AcceptedOn { get; }

    /// <summary>The day of formal handover, if recorded.</summary>
    public LocalDate? HandedOverOn { get; }

    /// <summary>The day the works were completed, if recorded.</summary>
    public LocalDate? CompletedOn { get; }

    /// <summary>The replacements, in the order recorded.</summary>
    public IReadOnlyList<DeviceReplacement> Replacements => replacements;

    /// <summary>The periods the item lay packed on the shelf (inclusive intervals).</summary>
    public IReadOnlyList<DateInterval> ShelfPeriods => shelfPeriods;

    /// <summary>The relocations, in the order recorded. They never change the warranty (R-WAR-10).</summary>
    public IReadOnlyList<DeviceRelocation> Relocations => relocations;

    /// <summary>Returns this record with a replacement added.</summary>
    public DeviceRecord WithReplacement(DeviceReplacement replacement) =>
        new(SerialNumber, Component, AcceptedOn, HandedOverOn, CompletedOn, [.. replacements, Guard.NotNull(replacement)], shelfPeriods, relocations);

    /// <summary>Returns this record with a period on the shelf, packed, added (R-WAR-5).</summary>
    /// <exception cref="ArgumentException"><paramref name="period"/> overlaps a shelf period already recorded.</exception>
    public DeviceRecord WithShelfPeriod(DateInterval period)
    {
        Guard.NotNull(period);
        SupportedDates.Check(period.Start, "period.Start");
        SupportedDates.Check(period.End, "period.End");
        foreach (var existing in shelfPeriods)
        {
            if (existing.Intersection(period) is not null)
            {
                throw new ArgumentException($"period {period} overlaps the shelf period {existing} already recorded for {SerialNumber}.", nameof(period));
            }
        }

        return new(SerialNumber, Component, AcceptedOn, HandedOverOn, CompletedOn, replacements, [.. shelfPeriods, period], relocations);
    }

    /// <summary>Returns this record with a relocation added; the warranty is unchanged (R-WAR-10).</summary>
    public DeviceRecord WithRelocation(DeviceRelocation relocation) =>
        new(SerialNumber, Component, AcceptedOn, HandedOverOn, CompletedOn, replacements, shelfPeriods, [.. relocations, Guard.NotNull(relocation)]);

    /// <inheritdoc />
    public override string ToString() => $"{SerialNumber} ({Component.NameEn})";
}
