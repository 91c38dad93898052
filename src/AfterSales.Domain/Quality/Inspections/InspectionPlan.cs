using AfterSales.Internal;

namespace AfterSales.Quality.Inspections;

/// <summary>
/// A preventive-maintenance plan (巡检计划): a checklist and when it is due — recurring
/// (R-IN-1) or once in the last months before a device's warranty ends (R-IN-2). Immutable.
/// </summary>
/// <remarks>
/// <para><b>Recurring.</b> Windows follow each other from <see cref="StartsOn"/>: window k runs
/// from <c>StartsOn + k × months</c> to the day before the next one, and is due on its last day.</para>
/// <para><b>Pre-expiry</b> (质保期满前全面巡检). One window from <c>warrantyEnd − months</c> + 1 day to
/// the warranty's last day, given per device as a <see cref="LocalDate"/>.</para>
/// </remarks>
public sealed class InspectionPlan
{
    private InspectionPlan(string code, Checklist checklist, InspectionRecurrence? recurrence, LocalDate startsOn, int preExpiryMonths)
    {
        Code = code;
        Checklist = checklist;
        Recurrence = recurrence;
        StartsOn = startsOn;
        PreExpiryMonths = preExpiryMonths;
    }

    /// <summary>A recurring plan starting on <paramref name="startsOn"/>.</summary>
    /// <exception cref="ArgumentException">A blank code or a null argument.</exception>
    public static InspectionPlan Recurring(string code, Checklist checklist, InspectionRecurrence recurrence, LocalDate startsOn) =>
        new(Guard.NotBlank(code), Guard.NotNull(checklist), Guard.NotNull(recurrence), startsOn, 0);

    /// <summary>The full inspection in the last <paramref name="months"/> months before warranty ends (seed 001: 3).</summary>
    /// <exception cref="ArgumentException">A blank code, a null checklist, or months below 1.</exception>
    public static InspectionPlan PreExpiry(string code, Checklist checklist, int months = 3) =>
        new(Guard.NotBlank(code), Guard.NotNull(checklist), null, default, Guard.Positive(months));

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

    /// <summary>Whether this is a pre-expiry plan.</summary>
    public bool IsPreExpiry => Recurrence is null;

    /// <summary>
    /// The inspections of <paramref name="deviceSerial"/> whose window has opened by
    /// <paramref name="today"/>, with their status.
    /// </summary>
    /// <param name="deviceSerial">The device.</param>
    /// <param name="records">Inspection records; those of other devices or checklists are ignored.</param>
    /// <param name="today">The day of evaluation.</param>
    /// <param name="warrantyEnd">The warranty's last day; required for a pre-expiry plan, ignored otherwise.</param>
    /// <exception cref="ArgumentException">A pre-expiry plan without <paramref name="warrantyEnd"/>.</exception>
    public IReadOnlyList<InspectionDue> Evaluate(string deviceSerial, IEnumerable<InspectionRecord> records, LocalDate today, LocalDate? warrantyEnd = null)
    {
        Guard.NotBlank(deviceSerial);
        var mine = Guard.NotNull(records)
            .Where(r => r.CountsAsDone
                && string.Equals(r.DeviceSerial, deviceSerial, StringComparison.Ordinal)
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

        return [.. windows.Select(w => Due(deviceSerial, w.Start, w.End, mine, today))];
    }

    private InspectionDue Due(string serial, LocalDate start, LocalDate end, List<InspectionRecord> records, LocalDate today)
    {
        var record = records.Find(r => r.InspectedOn >= start && r.InspectedOn <= end && r.InspectedOn <= today);
        if (record is not null)
        {
            return new InspectionDue(Code, serial, start, end, InspectionStatus.Done, record, 0);
        }

        return today > end
            ? new InspectionDue(Code, serial, start, end, InspectionStatus.Overdue, null, Period.DaysBetween(end, today))
            : new InspectionDue(Code, serial, start, end, InspectionStatus.Open, null, 0);
    }
}
