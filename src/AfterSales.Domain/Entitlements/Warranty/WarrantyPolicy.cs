using System.Globalization;
using AfterSales.Internal;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// A contract's warranty promises (质保承诺): one <see cref="WarrantyTerm"/> per component class,
/// the exclusions it lists (R-WAR-7), the repair-count rule (R-WAR-6) and the time zone its dates
/// are in. Evaluates a device's warranty on a day.
/// </summary>
/// <remarks>
/// <para><b>Dates, not instants.</b> Warranties are stated and certified in calendar days, so every
/// evaluation takes a <see cref="LocalDate"/> in the contract's <see cref="Zone"/> (Beijing time by
/// default). A work order that holds an <see cref="Instant"/> converts it with <see cref="DateOf"/>.
/// A warranty of length L from start S covers the days S … S + L − 1 day, inclusive.</para>
/// <para><b>Relocation</b> (R-WAR-10): moving a device never changes its warranty. The evaluation
/// reads <see cref="DeviceRecord.Relocations"/> up to the day asked about and says for each that the
/// warranty is kept; status, dates and coverage are the same as without them.</para>
/// <para>Immutable and thread-safe; the <c>With…</c> methods return a new policy.</para>
/// </remarks>
public sealed class WarrantyPolicy
{
    /// <summary>How far ahead <see cref="ExpiringWithin"/> looks by default: 3 months, for the full inspection before the warranty ends (R-IN-2).</summary>
    public static readonly Period PreExpiryWindow = Period.FromMonths(3);

    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private readonly WarrantyTerm[] terms;
    private readonly WarrantyExclusion[] exclusions;

    private WarrantyPolicy(
        string code, string name, WarrantyTerm[] terms, WarrantyExclusion[] exclusions, int? repairLimit, Period sparePartsSupply, DateTimeZone zone,
        bool requiresDataBackup = false)
    {
        RequiresDataBackup = requiresDataBackup;
        Code = code;
        Name = name;
        this.terms = terms;
        this.exclusions = exclusions;
        RepairLimit = repairLimit;
        SparePartsSupply = sparePartsSupply;
        Zone = zone;
    }

    /// <summary>Creates a policy with the given terms, no exclusions, no repair-count rule, in Beijing time.</summary>
    /// <param name="code">A stable code, e.g. <c>"cn-001-lighting"</c>.</param>
    /// <param name="name">A display name.</param>
    /// <param name="terms">One term per component class.</param>
    /// <exception cref="ArgumentException">A blank code or name, no terms, or two terms for one component class.</exception>
    public static WarrantyPolicy Create(string code, string name, params IEnumerable<WarrantyTerm> terms)
    {
        Guard.NotBlank(code);
        Guard.NotBlank(name);
        var list = Guard.NotNull(terms).ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("terms must hold at least one warranty term.", nameof(terms));
        }

        var seen = new HashSet<ComponentClass>();
        foreach (var term in list)
        {
            Guard.NotNull(term);
            if (!seen.Add(term.Component))
            {
                throw new ArgumentException($"terms holds two terms for {term.Component}; a contract has one term per component class.", nameof(terms));
            }
        }

        return new WarrantyPolicy(code, name, list, [], null, Period.Zero, Beijing);
    }

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>The terms, one per component class.</summary>
    public IReadOnlyList<WarrantyTerm> Terms => terms;

    /// <summary>The exclusions the contract lists (R-WAR-7); only these can make a repair billable.</summary>
    public IReadOnlyList<WarrantyExclusion> Exclusions => exclusions;

    /// <summary>The repair-count rule (R-WAR-6): more repairs than this oblige a replacement; <see langword="null"/> when the contract has none.</summary>
    public int? RepairLimit { get; }

    /// <summary>How long spare parts supply is guaranteed from purchase (R-WAR-9, 10 years in seed 000); <see cref="Period.Zero"/> when not promised.</summary>
    public Period SparePartsSupply { get; }

    /// <summary>The time zone the contract's dates are in. The default value is Asia/Shanghai.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>
    /// Whether the customer's data must be backed up before an engineer changes a system on site
    /// (实施前资料必须备份, seed 002; R-WO-7): a work order under this contract then refuses on-site
    /// changes until the backup is confirmed. The default value is <see langword="false"/>.
    /// </summary>
    public bool RequiresDataBackup { get; }

    /// <summary>Returns this policy with the exclusions the contract lists.</summary>
    public WarrantyPolicy WithExclusions(params IEnumerable<WarrantyExclusion> list) =>
        new(Code, Name, terms, [.. Guard.NotNull(list).Distinct()], RepairLimit, SparePartsSupply, Zone, RequiresDataBackup);

    /// <summary>Returns this policy with the repair-count rule: more than <paramref name="limit"/> repairs oblige a replacement (3 in seed 001).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is less than 1.</exception>
    public WarrantyPolicy WithRepairLimit(int limit) =>
        new(Code, Name, terms, exclusions, EntitlementGuard.Positive(limit), SparePartsSupply, Zone, RequiresDataBackup);

    /// <summary>Returns this policy with a guaranteed spare-parts supply period (R-WAR-9).</summary>
    public WarrantyPolicy WithSparePartsSupply(Period supply) =>
        new(Code, Name, terms, exclusions, RepairLimit, EntitlementGuard.YearsAndMonths(supply, allowZero: true), Zone, RequiresDataBackup);

    /// <summary>Returns this policy with its dates in <paramref name="zone"/>.</summary>
    public WarrantyPolicy WithZone(DateTimeZone zone) =>
        new(Code, Name, terms, exclusions, RepairLimit, SparePartsSupply, Guard.NotNull(zone), RequiresDataBackup);

    /// <summary>Returns this policy with (or without) a data backup required before on-site changes to a system (seed 002, R-WO-7).</summary>
    public WarrantyPolicy WithDataBackupBeforeChanges(bool required = true) =>
        new(Code, Name, terms, exclusions, RepairLimit, SparePartsSupply, Zone, required);

    /// <summary>The contract day an instant falls on, in <see cref="Zone"/>.</summary>
    public LocalDate DateOf(Instant instant) => instant.InZone(Zone).Date;

    /// <summary>The term for a component class, if the contract has one.</summary>
    public WarrantyTerm? TermFor(ComponentClass component)
    {
        Guard.NotNull(component);
        return Array.Find(terms, t => t.Component.Equals(component));
    }

    /// <summary>Evaluates the warranty of <paramref name="record"/> on <paramref name="on"/>.</summary>
    /// <param name="record">The device or part.</param>
    /// <param name="on">The day, in <see cref="Zone"/>.</param>
    /// <param name="exclusionsFound">The exclusions the engineer recorded on the work order (R-WAR-7), if any.
    /// Those the contract lists make the repair not covered; others are noted in the reasons and ignored.</param>
    /// <returns>The status, coverage, covering term, dates and reasons.</returns>
    /// <exception cref="ArgumentException">The contract has no term for the record's component class.</exception>
    /// <remarks>
    /// <para><b>Start</b> (R-WAR-2) by the term's <see cref="WarrantyTerm.StartRule"/>; completion of
    /// the works when acceptance is missing.</para>
    /// <para><b>Shelf suspension</b> (R-WAR-5): days the item lay packed on the shelf after the start
    /// extend its warranty day for day, at most the term's cap in total.</para>
    /// <para><b>Restart</b> (R-WAR-3): a whole-unit or key-part replacement installed while in warranty
    /// and on or before <paramref name="on"/> starts a fresh full term on its day, when the term grants
    /// restarts; the later end wins, so a restart never shortens coverage.</para>
    /// <para><b>Latent defects</b> (R-WAR-4): the term's window follows the last covered day.</para>
    /// </remarks>
    public WarrantyAssessment Evaluate(DeviceRecord record, LocalDate on, IEnumerable<WarrantyExclusion>? exclusionsFound = null)
    {
        Guard.NotNull(record);
        var term = TermFor(record.Component)
            ?? throw new ArgumentException($"record {record.SerialNumber} is {record.Component}, and contract '{Code}' has no warranty term for it.", nameof(record));
        var reasons = new List<string>();

        var (start, startText) = StartOf(term.StartRule, record);
        var end = start.Plus(term.Length);
        reasons.Add($"{term.Component.NameEn} ({term.Component.NameZh}) warranty {Describe(term.Length)} {startText}");

        end = ExtendForShelf(term, record, start, end, reasons);

        DeviceReplacement? restartedBy = null;
        if (term.RestartsOnReplacement)
        {
            foreach (var replacement in record.Replacements.Where(r => r.RenewsWarranty).OrderBy(r => r.On))
            {
                if (replacement.On > on || replacement.On < start || replacement.On >= end)
                {
                    continue;
                }

                var renewedEnd = replacement.On.Plus(term.Length);
                if (renewedEnd > end)
                {
                    start = replacement.On;
                    end = renewedEnd;
                    restartedBy = replacement;
                    reasons.Add($"{(replacement.Scope == ReplacementScope.WholeUnit ? "unit" : "key part")} replaced on {D(replacement.On)} "
                        + $"(work order {replacement.WorkOrderId}): fresh warranty of {Describe(term.Length)} (R-WAR-3)");
                }
            }
        }

        var last = end.PlusDays(-1);
        LocalDate? latentLast = term.LatentDefectWindow == Period.Zero ? null : end.Plus(term.LatentDefectWindow).PlusDays(-1);
        reasons.Add($"in warranty {D(start)} – {D(last)}"
            + (latentLast is { } l ? $", latent-defect window until {D(l)} (R-WAR-4)" : ""));

        WarrantyStatus status;
        if (on < start)
        {
            status = WarrantyStatus.NotStarted;
            reasons.Add($"{D(on)} is before the warranty starts: still under the delivery contract");
        }
        else if (on <= last)
        {
            status = WarrantyStatus.InWarranty;
            reasons.Add($"{D(on)} is in warranty");
        }
        else if (latentLast is { } latent && on <= latent)
        {
            status = WarrantyStatus.LatentDefectPeriod;
            reasons.Add($"{D(on)} is in the latent-defect window: only design, material and workmanship defects are covered");
        }
        else
        {
            status = WarrantyStatus.OutOfWarranty;
            reasons.Add($"{D(on)} is out of warranty: paid repair (R-WAR-8)");
        }

        var moves = record.Relocations.Where(r => r.On <= on).ToArray();
        foreach (var move in moves)
        {
            reasons.Add($"moved on {D(move.On)} from {move.From} to {move.To}: moving a device keeps its warranty (R-WAR-10)");
        }

        WarrantyExclusion? applied = null;
        foreach (var found in exclusionsFound ?? [])
        {
            Guard.NotNull(found);
            if (Array.IndexOf(exclusions, found) < 0)
            {
                reasons.Add($"{found.NameEn} ({found.NameZh}) was recorded, but contract '{Code}' does not exclude it");
            }
            else if (applied is null && status != WarrantyStatus.OutOfWarranty)
            {
                applied = found;
                reasons.Add($"not covered: {found.NameEn} ({found.NameZh}) is excluded by the contract (R-WAR-7)");
            }
        }

        return new WarrantyAssessment(record.SerialNumber, on, status, term, start, last, latentLast, applied, restartedBy, reasons, moves);
    }

    /// <summary>
    /// The devices in warranty on <paramref name="from"/> whose warranty ends within
    /// <paramref name="window"/> (by default <see cref="PreExpiryWindow"/>, 3 months): each needs a full
    /// inspection before it ends (R-IN-2). Ordered by last covered day, then serial number.
    /// </summary>
    /// <exception cref="ArgumentException">A record's component class has no term in this contract.</exception>
    public IReadOnlyList<WarrantyAssessment> ExpiringWithin(IEnumerable<DeviceRecord> records, LocalDate from, Period? window = null)
    {
        Guard.NotNull(records);
        var horizon = from.Plus(EntitlementGuard.YearsAndMonths(window ?? PreExpiryWindow));
        return records
            .Select(r => Evaluate(r, from))
            .Where(a => a.Status == WarrantyStatus.InWarranty && a.LastCoveredDay < horizon)
            .OrderBy(a => a.LastCoveredDay)
            .ThenBy(a => a.SerialNumber, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The replacements the repair-count rule (R-WAR-6) obliges for the next work order on the serial
    /// of <paramref name="history"/>; empty when the contract has no such rule.
    /// </summary>
    public IReadOnlyList<ReplacementObligation> ReplacementObligations(RepairHistory history)
    {
        Guard.NotNull(history);
        return RepairLimit is { } limit ? history.ObligationsOver(limit) : [];
    }

    /// <inheritdoc />
    public override string ToString() => $"{Code}: {Name}";

    internal static string D(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    private static string Describe(Period period) =>
        (period.Years, period.Months) switch
        {
            (0, var m) => string.Create(CultureInfo.InvariantCulture, $"{m} months"),
            (var y, 0) => string.Create(CultureInfo.InvariantCulture, $"{y} year{(y == 1 ? "" : "s")}"),
            (var y, var m) => string.Create(CultureInfo.InvariantCulture, $"{y} years {m} months"),
        };

    private static (LocalDate Start, string Text) StartOf(WarrantyStartRule rule, DeviceRecord record)
    {
        if (rule == WarrantyStartRule.AcceptanceAndHandover)
        {
            return (record.AcceptedOn, record.HandedOverOn) switch
            {
                ({ } a, { } h) => (a > h ? a : h, $"from acceptance and handover ({D(a)}, {D(h)})"),
                ({ } a, null) => (a, $"from acceptance on {D(a)} (no handover recorded)"),
                (null, { } h) => (h, $"from handover on {D(h)} (no acceptance recorded)"),
                _ => (record.CompletedOn!.Value, $"from completion of the works on {D(record.CompletedOn!.Value)}: no acceptance certificate (R-WAR-2)"),
            };
        }

        var nextDay = rule == WarrantyStartRule.DayAfterAcceptance ? 1 : 0;
        var after = nextDay == 1 ? "the day after " : "";
        if (record.AcceptedOn is { } accepted)
        {
            return (accepted.PlusDays(nextDay), $"from {after}acceptance on {D(accepted)}");
        }

        if (record.HandedOverOn is { } handedOver)
        {
            return (handedOver.PlusDays(nextDay), $"from {after}handover on {D(handedOver)} (no acceptance recorded)");
        }

        var completed = record.CompletedOn!.Value;
        return (completed.PlusDays(nextDay), $"from {after}completion of the works on {D(completed)}: no acceptance certificate (R-WAR-2)");
    }

    private static LocalDate ExtendForShelf(WarrantyTerm term, DeviceRecord record, LocalDate start, LocalDate end, List<string> reasons)
    {
        if (term.ShelfSuspensionCap == Period.Zero || record.ShelfPeriods.Count == 0)
        {
            return end;
        }

        var capDays = Period.Between(start, start.Plus(term.ShelfSuspensionCap), PeriodUnits.Days).Days;
        var suspended = 0;
        foreach (var shelf in record.ShelfPeriods.OrderBy(p => p.Start))
        {
            var from = shelf.Start > start ? shelf.Start : start;
            if (from > shelf.End || from >= end.PlusDays(suspended))
            {
                continue;
            }

            var days = Period.Between(from, shelf.End, PeriodUnits.Days).Days + 1;
            suspended += Math.Min(days, capDays - suspended);
            if (suspended == capDays)
            {
                break;
            }
        }

        if (suspended > 0)
        {
            reasons.Add(string.Create(CultureInfo.InvariantCulture,
                $"suspended {suspended} days packed on the shelf (at most {Describe(term.ShelfSuspensionCap)}, R-WAR-5)"));
        }

        return end.PlusDays(suspended);
    }
}
