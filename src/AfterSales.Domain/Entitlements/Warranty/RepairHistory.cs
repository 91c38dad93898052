using System.Globalization;
using AfterSales.Internal;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// The repairs and replacements made on one serial number (维修记录), for the repair-count rule
/// (R-WAR-6): a part repaired more than N times is replaced, and a unit repaired more than N times
/// is replaced as a whole (N = 3 in seed 001).
/// </summary>
/// <remarks>
/// <para>A repair names the part it fixed, or no part when the unit as a whole was repaired. The two
/// rules are alternatives (按下列方式之一处理), so they count separately: a part repair counts toward that
/// part, a unit repair toward the unit. Each is counted once per work order. A replacement resets the
/// count of what it replaced: a whole-unit replacement resets the unit and all its parts.</para>
/// <para>Immutable; <see cref="WithRepair"/> and <see cref="WithReplacement"/> return a new history.</para>
/// </remarks>
public sealed class RepairHistory
{
    private readonly Entry[] entries;

    private RepairHistory(string serialNumber, Entry[] entries)
    {
        SerialNumber = serialNumber;
        this.entries = entries;
    }

    /// <summary>An empty history for a serial number.</summary>
    /// <exception cref="ArgumentException"><paramref name="serialNumber"/> is blank.</exception>
    public static RepairHistory For(string serialNumber) => new(Guard.NotBlank(serialNumber), []);

    /// <summary>The unit's serial number.</summary>
    public string SerialNumber { get; }

    /// <summary>How many repair and replacement entries are recorded.</summary>
    public int Count => entries.Length;

    /// <summary>Returns this history with a repair added.</summary>
    /// <param name="on">The day of the repair.</param>
    /// <param name="workOrderId">The work order it was made under.</param>
    /// <param name="partNumber">The part repaired; <see langword="null"/> for a repair of the unit as such.</param>
    /// <param name="unfixable">Whether the engineer found that repairs cannot fix it (维修无法修复): with a repair before, a free replacement is owed (R-WAR-6).</param>
    public RepairHistory WithRepair(LocalDate on, string workOrderId, string? partNumber = null, bool unfixable = false) =>
        new(SerialNumber, [.. entries, new Entry(on, Guard.NotBlank(workOrderId), Blank(partNumber), Replacement: false, unfixable)]);

    /// <summary>
    /// The history of <paramref name="record"/> as its work orders and the registry tell it: the repairs
    /// of its resolved work orders (<paramref name="repairs"/>, R-WAR-6) and the replacements the
    /// registry recorded (R-WAR-3), in day order — on one day, repairs before replacements.
    /// </summary>
    /// <param name="record">The device.</param>
    /// <param name="repairs">The repairs its work orders recorded.</param>
    /// <param name="zone">The contract's zone, in which a repair's instant falls on a day.</param>
    public static RepairHistory Of(DeviceRecord record, IEnumerable<DeviceRepair> repairs, DateTimeZone zone)
    {
        Guard.NotNull(record);
        Guard.NotNull(repairs);
        Guard.NotNull(zone);
        var all = repairs.Select(r => new Entry(r.At.InZone(zone).Date, r.WorkOrderId, Blank(r.PartNumber), Replacement: false, r.Unfixable))
            .Concat(record.Replacements.Select(static r => new Entry(r.On, r.WorkOrderId, r.Scope == ReplacementScope.WholeUnit ? null : Blank(r.PartNumber), Replacement: true)))
            .OrderBy(static e => e.On)
            .ThenBy(static e => e.Replacement)
            .ToArray();
        return new RepairHistory(record.SerialNumber, all);
    }

    /// <summary>Returns this history with a replacement added, which resets the count of what it replaced.</summary>
    /// <param name="on">The day of the replacement.</param>
    /// <param name="workOrderId">The work order it was made under.</param>
    /// <param name="partNumber">The part replaced; <see langword="null"/> when the whole unit was replaced.</param>
    public RepairHistory WithReplacement(LocalDate on, string workOrderId, string? partNumber = null) =>
        new(SerialNumber, [.. entries, new Entry(on, Guard.NotBlank(workOrderId), Blank(partNumber), Replacement: true)]);

    /// <summary>The repairs of the unit as a whole (no part named) since it was last replaced (distinct work orders).</summary>
    public int UnitRepairCount()
    {
        var since = LastIndex(e => e.Replacement && e.PartNumber is null);
        return entries.Skip(since + 1).Where(e => !e.Replacement && e.PartNumber is null)
            .Select(e => e.WorkOrderId).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>The repairs of <paramref name="partNumber"/> since it or the unit was last replaced (distinct work orders).</summary>
    public int PartRepairCount(string partNumber)
    {
        Guard.NotBlank(partNumber);
        var since = LastIndex(e => e.Replacement && (e.PartNumber is null || string.Equals(e.PartNumber, partNumber, StringComparison.Ordinal)));
        return entries.Skip(since + 1)
            .Where(e => !e.Replacement && string.Equals(e.PartNumber, partNumber, StringComparison.Ordinal))
            .Select(e => e.WorkOrderId).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>
    /// The replacements owed on the next work order when more than <paramref name="limit"/> repairs were
    /// made: the whole unit if the unit's count is over the limit (which covers its parts), otherwise each
    /// part over the limit, by part number.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    public IReadOnlyList<ReplacementObligation> ObligationsOver(int limit)
    {
        EntitlementGuard.Positive(limit);
        var unit = UnitRepairCount();
        if (unit > limit)
        {
            return [new ReplacementObligation(SerialNumber, ReplacementScope.WholeUnit, null, unit, limit,
                string.Create(CultureInfo.InvariantCulture, $"unit {SerialNumber} was repaired {unit} times, more than {limit}: replace the whole unit (R-WAR-6)"))];
        }

        // Repeated repairs that cannot fix it: the last repair found it unfixable, and it was repaired before.
        var sinceUnit = LastIndex(static e => e.Replacement && e.PartNumber is null);
        var since = entries.Skip(sinceUnit + 1).Where(static e => !e.Replacement).ToArray();
        var repairs = since.Select(static e => e.WorkOrderId).Distinct(StringComparer.Ordinal).Count();
        if (since.Length > 0 && since[^1].Unfixable && repairs >= 2)
        {
            return [new ReplacementObligation(SerialNumber, ReplacementScope.WholeUnit, null, repairs, limit,
                string.Create(CultureInfo.InvariantCulture, $"unit {SerialNumber} was repaired {repairs} times and repairs cannot fix it: replace it free (R-WAR-6)"))];
        }

        var obligations = new List<ReplacementObligation>();
        foreach (var part in entries.Where(e => e.PartNumber is not null).Select(e => e.PartNumber!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var count = PartRepairCount(part);
            if (count > limit)
            {
                obligations.Add(new ReplacementObligation(SerialNumber, ReplacementScope.KeyPart, part, count, limit,
                    string.Create(CultureInfo.InvariantCulture, $"part {part} of {SerialNumber} was repaired {count} times, more than {limit}: replace it with a new part (R-WAR-6)")));
            }
        }

        return obligations;
    }

    private int LastIndex(Func<Entry, bool> predicate)
    {
        for (var i = entries.Length - 1; i >= 0; i--)
        {
            if (predicate(entries[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static string? Blank(string? partNumber) => string.IsNullOrWhiteSpace(partNumber) ? null : partNumber;

    private sealed record Entry(LocalDate On, string WorkOrderId, string? PartNumber, bool Replacement, bool Unfixable = false);
}
