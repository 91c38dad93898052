using AfterSales.Internal;

namespace AfterSales.Quality.Inspections;

/// <summary>
/// A preventive-maintenance plan (巡检计划): a checklist, the devices or sites it covers, and when it
/// is due — recurring monthly, quarterly, half-yearly, yearly … (R-IN-1) or once in the last months
/// before a device's warranty ends (R-IN-2). Immutable; <see cref="WithSubjects"/> returns a new plan.
/// </summary>
/// <remarks>
/// <para><b>Recurring.</b> Windows follow each other from <see cref="StartsOn"/>: window k runs
/// from <c>StartsOn + k × months</c> to the day before the next one, and is due on its last day.</para>
/// <para><b>Pre-expiry</b> (质保期满前全面巡检). One window from <c>warrantyEnd − months</c> + 1 day to
/// the warranty's last day, given per device as a <see cref="LocalDate"/>; it covers devices only.</para>
/// <para><b>Done.</b> A window is done when a complete, signed record of the same subject and
/// checklist (device type) falls within it, on or before the day of evaluation.</para>
/// </remarks>
public sealed class InspectionPlan
{
    private InspectionPlan(string code, Checklist checklist, InspectionRecurrence? recurrence, LocalDate startsOn, int preExpiryMonths, IReadOnlyList<InspectionSubject> subjects, string? warrantyPolicyCode = null)
    {
        WarrantyPolicyCode = warrantyPolicyCode;
        Code = code;
        Checklist = checklist;
        Recurrence = recurrence;
        StartsOn = startsOn;
        PreExpiryMonths = preExpiryMonths;
        Subjects = subjects;
    }

    /// <summary>A recurring plan starting on <paramref name="startsOn"/>, covering no subject yet.</summary>
    /// <exception cref="ArgumentException">A blank code or a null argument.</exception>
    public static InspectionPlan Recurring(string code, Checklist checklist, InspectionRecurrence recurrence, LocalDate startsOn) =>
        new(Guard.NotBlank(code), Guard.NotNull(checklist), Guard.NotNull(recurrence), startsOn, 0, []);

    /// <summary>The full inspection in the last <paramref name="months"/> months before warranty ends (seed 001: 3), covering no device yet.</summary>
    /// <param name="code">The plan's code.</param>
    /// <param name="checklist">The checklist.</param>
    /// <param name="months">How many months before the warranty's end the window opens.</param>
    /// <param name="warrantyPolicyCode">The warranty policy whose end counts (e.g. <c>cn-001-equipment</c>), for a service that looks it up; null when the caller passes warranty ends itself.</param>
    /// <exception cref="ArgumentException">A blank code, a null checklist, or months below 1.</exception>
    public static InspectionPlan PreExpiry(string code, Checklist checklist, int months = 3, string? warrantyPolicyCode = null) =>
        new(Guard.NotBlank(code), Guard.NotNull(checklist), null, default, Guard.Positive(months), [], warrantyPolicyCode);

    /// <summary>The plan's code.</summary>
    public string Code { get; }

    /// <summary>The checklist to use.</summary>
    public Checklist Checklist { get; }

    /// <summary>The recurrence; null for a pre-expiry plan.</summary>
    public InspectionRecurrence? Recurrence { get; }

    /// <summary>The first day of the first window of a recurring plan.</summary>
    public LocalDate StartsOn { get; }

    /// <summary>The months before warranty end of a pre-expiry plan; 0 for a recurring plan.</summary>
    public int PreExpiryMonths { get; }

    /// <summary>The warranty policy whose end a pre-expiry plan counts from, if named.</summary>
    public string? WarrantyPolicyCode { get; }

    /// <summary>Whether this is a pre-expiry plan.</summary>
    public bool IsPreExpiry => Recurrence is null;

    /// <summary>The devices and sites the plan covers, in the order given, without repeats.</summary>
    public IReadOnlyList<InspectionSubject> Subjects { get; }

    /// <summary>The same plan covering <paramref name="subjects"/> (repeats dropped).</summary>
    /// <exception cref="ArgumentException">A null subject, or a site on a pre-expiry plan (warranty is per device).</exception>
    public InspectionPlan WithSubjects(IEnumerable<InspectionSubject> subjects)
    {
        var list = Guard.NotNull(subjects).ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
            {
                throw new ArgumentException($"subjects[{i}] must not be null.", nameof(subjects));
            }

            if (IsPreExpiry && list[i].Kind != InspectionSubjectKind.Device)
            {
                throw new ArgumentException($"subjects[{i}]: a pre-expiry plan covers devices, whose warranty ends, not the site '{list[i].Id}'.", nameof(subjects));
            }
        }

        return new(Code, Checklist, Recurrence, StartsOn, PreExpiryMonths, [.. list.Distinct()], WarrantyPolicyCode);
    }

    /// <summary>
    /// The inspections of <paramref name="subject"/> whose window has opened by
    /// <paramref name="today"/>, with their status.
    /// </summary>
    /// <param name="subject">The device or site.</param>
    /// <param name="records">Inspection records; those of other subjects or checklists are ignored.</param>
    /// <param name="today">The day of evaluation.</param>
    /// <param name="warrantyEnd">The warranty's last day; required for a pre-expiry plan, ignored otherwise.</param>
    /// <exception cref="ArgumentException">A pre-expiry plan without <paramref name="warrantyEnd"/>.</exception>
    public IReadOnlyList<InspectionDue> Evaluate(InspectionSubject subject, IEnumerable<InspectionRecord> records, LocalDate today, LocalDate? warrantyEnd = null)
    {
        Guard.NotNull(subject);
        var mine = Guard.NotNull(records)
            .Where(r => r.CountsAsDone
                && r.Subject.Equals(subject)
                && string.Equals(r.Checklist.DeviceType, Checklist.DeviceType, StringComparison.Ordinal))
            .OrderBy(r => r.InspectedOn)
            .ToList();

        var windows = new List<(LocalDate Start, LocalDate End)>();
        if (Recurrence is { } recurrence)
        {
            for (var k = 0; ; k++)
            {
                var start = StartsOn.PlusMonths(k * recurrence.Months);
                if (start > today)
                {
                    break;
                }

                windows.Add((start, StartsOn.PlusMonths((k + 1) * recurrence.Months).PlusDays(-1)));
            }
        }
        else
        {
            var end = warrantyEnd ?? throw new ArgumentException("warrantyEnd is required for a pre-expiry plan.", nameof(warrantyEnd));
            var start = end.PlusMonths(-PreExpiryMonths).PlusDays(1);
            if (start <= today)
            {
                windows.Add((start, end));
            }
        }

        return [.. windows.Select(w => Due(subject, w.Start, w.End, mine, today))];
    }

    /// <summary>
    /// The plan's inspections due on <paramref name="today"/> over all its subjects: each subject's
    /// latest window that has opened, with its status, and every earlier window missed (the due list,
    /// 待巡检/逾期); a missed window stays overdue, a later inspection does not make it up. A device of a
    /// pre-expiry plan whose warranty end <paramref name="warrantyEndOf"/> does not know is left out.
    /// </summary>
    /// <param name="records">Inspection records of any subject.</param>
    /// <param name="today">The day of evaluation.</param>
    /// <param name="warrantyEndOf">The warranty's last day of a device by serial number, or null when unknown; used by pre-expiry plans.</param>
    public IReadOnlyList<InspectionDue> Due(IEnumerable<InspectionRecord> records, LocalDate today, Func<string, LocalDate?>? warrantyEndOf = null)
    {
        var list = Guard.NotNull(records) as IReadOnlyCollection<InspectionRecord> ?? [.. records];
        var due = new List<InspectionDue>();
        foreach (var subject in Subjects)
        {
            LocalDate? end = null;
            if (IsPreExpiry && (end = warrantyEndOf?.Invoke(subject.Id)) is null)
            {
                continue;
            }

            var windows = Evaluate(subject, list, today, end);
            for (var i = 0; i < windows.Count; i++)
            {
                if (i == windows.Count - 1 || windows[i].Status == InspectionStatus.Overdue)
                {
                    due.Add(windows[i]);
                }
            }
        }

        return due;
    }

    /// <summary>The windows of the plan's subjects that open within <paramref name="from"/> … <paramref name="to"/> (a plan ahead, e.g. next quarter's).</summary>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="warrantyEndOf">The warranty's last day of a device, for pre-expiry plans.</param>
    public IReadOnlyList<(InspectionSubject Subject, LocalDate WindowStart, LocalDate DueOn)> WindowsOpening(LocalDate from, LocalDate to, Func<string, LocalDate?>? warrantyEndOf = null)
    {
        var result = new List<(InspectionSubject, LocalDate, LocalDate)>();
        foreach (var subject in Subjects)
        {
            if (Recurrence is { } recurrence)
            {
                for (var k = 0; ; k++)
                {
                    var start = StartsOn.PlusMonths(k * recurrence.Months);
                    if (start > to)
                    {
                        break;
                    }

                    if (start >= from)
                    {
                        result.Add((subject, start, StartsOn.PlusMonths((k + 1) * recurrence.Months).PlusDays(-1)));
                    }
                }
            }
            else if (warrantyEndOf?.Invoke(subject.Id) is { } end)
            {
                var start = end.PlusMonths(-PreExpiryMonths).PlusDays(1);
                if (start >= from && start <= to)
                {
                    result.Add((subject, start, end));
                }
            }
        }

        return result;
    }

    private InspectionDue Due(InspectionSubject subject, LocalDate start, LocalDate end, List<InspectionRecord> records, LocalDate today)
    {
        var record = records.Find(r => r.InspectedOn >= start && r.InspectedOn <= end && r.InspectedOn <= today);
        if (record is not null)
        {
            return new InspectionDue(Code, subject, start, end, InspectionStatus.Done, record, 0);
        }

        return today > end
            ? new InspectionDue(Code, subject, start, end, InspectionStatus.Overdue, null, Period.DaysBetween(end, today))
            : new InspectionDue(Code, subject, start, end, InspectionStatus.Open, null, 0);
    }
}
