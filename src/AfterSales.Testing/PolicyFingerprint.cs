using System.Globalization;
using System.Text;
using AfterSales.Sla;

namespace AfterSales.Testing;

/// <summary>
/// Everything an <see cref="SlaPolicy"/> says, as text (策略指纹): the id, version, name, scale, every
/// target's every field (metric rules, amount, conditions, calendar key, anchor, warnings, pause
/// rule, waiver, words), the observation period and the reclassification rule. Two policies with
/// the same fingerprint behave the same; compare fingerprints to prove a policy read from a
/// document equals the one written (the policy itself has reference equality).
/// </summary>
public static class PolicyFingerprint
{
    /// <summary>The fingerprint, one line per part.</summary>
    /// <param name="policy">The policy.</param>
    public static string Of(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{policy.Key} {policy.Name}");
        string scale = $"scale {policy.SeverityScale.Code} {policy.SeverityScale.Name}: "
            + string.Join(" | ", policy.SeverityScale.Levels.Select(static l => $"{l.Rank} {l.Code} {l.NameZh} {l.NameEn} {l.Description}"));
        text.AppendLine(scale);
        text.AppendLine(CultureInfo.InvariantCulture, $"observation {policy.ObservationPeriod}; reclassification {policy.Reclassification}; language {policy.Language.Code}; {policy.Conventions}; negotiated {policy.NegotiatedDueDates}; reopening {policy.Reopening}"
            + $"; pause reasons {string.Join(",", policy.PauseReasons.Select(static r => $"{r.Code}/{r.NameZh}/{r.NameEn}"))}");
        foreach (var t in policy.Targets)
        {
            var m = t.Metric;
            string line =
                $"{m.Code} ({m.NameZh}/{m.NameEn}, stopped by {Of(m.StoppedBy)}, ended by {string.Join(",", m.EndedBy.Select(Of))}, restarts {m.RestartsOnReopen}, recurs on {(m.RecursOn is { } r ? Of(r) : "-")})"
                + $" within {t.Amount.Unit}:{t.Amount.BusinessTime}:{t.Amount.WorkingDays}:{t.Amount.CalendarPeriod}"
                + $" for [{string.Join(",", t.SeverityCodes)}] channels [{string.Join(",", t.Conditions.Channels)}] sites [{string.Join(",", t.Conditions.Localities)}]"
                + $" km [{t.Conditions.MinDistanceKm},{t.Conditions.MaxDistanceKm}) on {t.Calendar.Key} from {Of(t.StartAnchor)}"
                + $" warnings [{string.Join(",", t.WarningPercents)}] pauses {t.PausesWhileWaitingForCustomer} by [{(t.PausedBy is null ? "any" : string.Join(",", t.PausedBy.Select(static r => r.Code)))}]"
                + $" waived by {(t.WaivedBy is { } w ? Of(w) : "-")} within {t.WaiverWindow} escalations [{string.Join(", ", t.EscalationLevels)} {string.Join(",", t.EscalationLevels.Select(static l => $"{l.Percent}:{l.Offset}:{l.Counting}"))}] — {t.Description}";
            text.AppendLine(line);
        }

        return text.ToString();
    }

    private static string Of(Milestone m) => $"{m.Code}/{m.NameZh}/{m.NameEn}";
}
