using AfterSales.Internal;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// What the warranty of one device or part depends on, kept per serial number (R-WO-10): its
/// component class, the days of acceptance (验收), handover (移交) and completion of the works
/// (竣工), its replacements (R-WAR-3), the periods it lay packed on the shelf (R-WAR-5) and its
/// relocations (R-WAR-10) — and, for the work orders reported on it, the contract it was delivered
/// under: the warranty policy that judges it, the contract's tendered price list, the service centre
/// that serves it (its installed base, R-SP-1), its model and grade (for loaners, R-SP-5).
/// </summary>
/// <remarks>
/// Immutable; the <c>With…</c> methods return a new record. All dates are <see cref="LocalDate"/>s
/// in the contract's time zone (<see cref="WarrantyPolicy.Zone"/>), the way certificates state them,
/// within <see cref="SupportedDates"/>. Ids follow <see cref="Identifier"/>.
/// </remarks>
public sealed class DeviceRecord
{
    private readonly DeviceReplacement[] replacements;
    private readonly DateInterval[] shelfPeriods;
    private readonly DeviceRelocation[] relocations;

    private DeviceRecord(
        string serialNumber, ComponentClass component, LocalDate? acceptedOn, LocalDate? handedOverOn, LocalDate? completedOn,
        DeviceReplacement[] replacements, DateInterval[] shelfPeriods, DeviceRelocation[] relocations, DeviceContract contract)
    {
        SerialNumber = serialNumber;
        Component = component;
        AcceptedOn = acceptedOn;
        HandedOverOn = handedOverOn;
        CompletedOn = completedOn;
        this.replacements = replacements;
        this.shelfPeriods = shelfPeriods;
        this.relocations = relocations;
        Contract = contract;
    }

    /// <summary>Creates the record of a delivered device or part.</summary>
    /// <param name="serialNumber">The serial number (an <see cref="Identifier"/>).</param>
    /// <param name="component">Its component class, which selects the contract's term.</param>
    /// <param name="acceptedOn">The day the acceptance certificate was signed (验收), if there is one.</param>
    /// <param name="handedOverOn">The day of formal handover (移交), if recorded.</param>
    /// <param name="completedOn">The day the works were completed (竣工), the fallback start when acceptance is missing (R-WAR-2).</param>
    /// <exception cref="ArgumentException">The serial number is not an <see cref="Identifier"/>, a day is outside <see cref="SupportedDates"/>, or none of the three days is given.</exception>
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

        return new DeviceRecord(serialNumber, component, acceptedOn, handedOverOn, completedOn, [], [], [], DeviceContract.None);
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

    /// <summary>The relocations, in the order recorded. They never change the warranty (R-WAR-10); an assessment names them.</summary>
    public IReadOnlyList<DeviceRelocation> Relocations => relocations;

    /// <summary>The code of the warranty policy (contract) that judges the device (质保条款), e.g. <c>cn-002-integration</c>; <see langword="null"/> when not recorded.</summary>
    public string? WarrantyPolicyCode => Contract.WarrantyPolicyCode;

    /// <summary>The contract the device was delivered under (合同), whose tendered price list prices its paid repairs (R-WAR-8); <see langword="null"/> when not recorded.</summary>
    public string? ContractId => Contract.ContractId;

    /// <summary>The service centre that serves the device (服务中心): its installed base counts the device (R-SP-1); <see langword="null"/> when not recorded.</summary>
    public string? ServiceCentreId => Contract.ServiceCentreId;

    /// <summary>The device's model as a part number (型号), the spare unit type that replaces it whole; <see langword="null"/> when not recorded.</summary>
    public string? Model => Contract.Model;

    /// <summary>The device's grade (档次), higher is better: a loaner must be of the same or a better grade (R-SP-5); <see langword="null"/> when not recorded.</summary>
    public int? Grade => Contract.Grade;

    private DeviceContract Contract { get; }

    /// <summary>Returns this record with a replacement added.</summary>
    public DeviceRecord WithReplacement(DeviceReplacement replacement) =>
        new(SerialNumber, Component, AcceptedOn, HandedOverOn, CompletedOn, [.. replacements, Guard.NotNull(replacement)], shelfPeriods, relocations, Contract);

    /// <summary>Returns this record with a period on the shelf, packed, added (R-WAR-5).</summary>
    /// <exception cref="ArgumentException"><paramref name="period"/> overlaps a shelf period already recorded, or lies outside <see cref="SupportedDates"/>.</exception>
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

        return new(SerialNumber, Component, AcceptedOn, HandedOverOn, CompletedOn, replacements, [.. shelfPeriods, period], relocations, Contract);
    }

    /// <summary>Returns this record with a relocation added; the warranty is unchanged (R-WAR-10).</summary>
    public DeviceRecord WithRelocation(DeviceRelocation relocation) =>
        new(SerialNumber, Component, AcceptedOn, HandedOverOn, CompletedOn, replacements, shelfPeriods, [.. relocations, Guard.NotNull(relocation)], Contract);

    /// <summary>Returns this record delivered under a contract: the warranty policy that judges it and the contract whose price list prices its paid repairs.</summary>
    /// <param name="warrantyPolicy">The warranty policy's code, or <see langword="null"/> for none.</param>
    /// <param name="contractId">The contract's id (an <see cref="Identifier"/>; the id of its price list), or <see langword="null"/> for none.</param>
    /// <exception cref="ArgumentException">A code or id breaks the <see cref="Identifier"/> rule.</exception>
    public DeviceRecord WithContract(string? warrantyPolicy, string? contractId) =>
        With(Contract with { WarrantyPolicyCode = Identifier.CheckOptional(warrantyPolicy), ContractId = Identifier.CheckOptional(contractId) });

    /// <summary>Returns this record served by <paramref name="centreId"/> (its installed base counts it, R-SP-1).</summary>
    /// <exception cref="ArgumentException">The id breaks the <see cref="Identifier"/> rule.</exception>
    public DeviceRecord WithServiceCentre(string? centreId) =>
        With(Contract with { ServiceCentreId = Identifier.CheckOptional(centreId) });

    /// <summary>Returns this record with its model (a part number) and grade (R-SP-1, R-SP-5).</summary>
    /// <exception cref="ArgumentException">The model breaks the <see cref="Identifier"/> rule, or the grade is negative.</exception>
    public DeviceRecord WithModel(string? model, int? grade) =>
        With(Contract with { Model = Identifier.CheckOptional(model), Grade = grade is { } g ? Guard.NotNegative(g, nameof(grade)) : null });

    /// <inheritdoc />
    public override string ToString() => $"{SerialNumber} ({Component.NameEn})";

    private DeviceRecord With(DeviceContract contract) =>
        new(SerialNumber, Component, AcceptedOn, HandedOverOn, CompletedOn, replacements, shelfPeriods, relocations, contract);

    private sealed record DeviceContract
    {
        public static DeviceContract None { get; } = new();

        public string? WarrantyPolicyCode { get; init; }

        public string? ContractId { get; init; }

        public string? ServiceCentreId { get; init; }

        public string? Model { get; init; }

        public int? Grade { get; init; }
    }
}
