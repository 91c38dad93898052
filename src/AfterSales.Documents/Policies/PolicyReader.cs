using System.Globalization;
using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;

namespace AfterSales.Documents.Policies;

/// <summary>
/// Builds an <see cref="SlaPolicy"/> from a schema-valid document, collecting every error by JSON
/// path: references (metrics, milestones, calendars) are resolved here; the rules of a target are
/// the domain's own, checked by building each target alone so one bad target hides no other.
/// </summary>
internal sealed class PolicyReader(PolicyDocument document, Func<string, BusinessCalendar?> calendars)
{
    private readonly List<DocumentError> errors = [];
    private readonly Dictionary<string, Milestone> milestones = Milestone.WellKnown.ToDictionary(static m => m.Code, StringComparer.Ordinal);
    private readonly Dictionary<string, SlaMetric> metrics = SlaMetric.WellKnown.ToDictionary(static m => m.Code, StringComparer.Ordinal);
    private readonly Dictionary<string, PauseReason> pauseReasons = PauseReason.WellKnown.ToDictionary(static r => r.Code, StringComparer.Ordinal);
    private readonly List<PauseReason> ownPauseReasons = [];

    public DocumentResult<SlaPolicy> Read()
    {
        var scale = PolicyDocuments.Scale(document.SeverityScale, errors);
        ReadMilestones();
        ReadPauseReasons();
        ReadMetrics();
        var defaultCalendar = document.Calendar is { } id ? Calendar(id, "$.calendar") : null;
        var observation = document.ObservationPeriod is { } text ? Duration(text, "$.observationPeriod") : NodaTime.Duration.Zero;
        var rule = ReclassificationRule.KeepElapsed;
        if (document.Reclassification is { } r && !Enum.TryParse(r, ignoreCase: false, out rule))
        {
            errors.Add(new DocumentError("$.reclassification", $"reclassification must be KeepElapsed or RestartAtChange, was '{r}'."));
        }

        if (scale is null)
        {
            return DocumentResult<SlaPolicy>.Invalid(errors);
        }

        var targets = new List<Action<SlaPolicyBuilder>>();
        for (var i = 0; i < document.Targets.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.targets[{i}]");
            if (Target(document.Targets[i], path) is not { } add)
            {
                continue;
            }

            // The domain's own checks of this target alone, so every target's errors are reported.
            try
            {
                var single = Builder(scale, defaultCalendar, observation, rule);
                add(single);
                single.Build();
                targets.Add(add);
            }
            catch (ArgumentException ex)
            {
                errors.Add(new DocumentError(path + Field(ex.ParamName), ex.Message.Split(" (Parameter", 2)[0]));
            }
        }

        if (observation < NodaTime.Duration.Zero)
        {
            errors.Add(new DocumentError("$.observationPeriod", "observationPeriod must not be negative."));
        }

        if (errors.Count > 0)
        {
            return DocumentResult<SlaPolicy>.Invalid(errors);
        }

        var builder = Builder(scale, defaultCalendar, observation, rule);
        targets.ForEach(add => add(builder));
        return DocumentResult<SlaPolicy>.Valid(builder.Build());
    }

    private SlaPolicyBuilder Builder(SeverityScale scale, BusinessCalendar? calendar, NodaTime.Duration observation, ReclassificationRule rule)
    {
        var builder = SlaPolicy.CreateBuilder(document.Id, 1, document.Name, scale).WithObservationPeriod(observation).WithReclassification(rule)
            .WithLanguage(ExplanationLanguage.Find(document.Language) ?? ExplanationLanguage.English)
            .WithConventions(document.Conventions is not { } c ? SlaConventions.Default : new SlaConventions
            {
                // The schema allows only the enums' names.
                BudgetEndingAtClose = c.BudgetEndingAtClose is null ? default : Enum.Parse<BudgetEndingAtClose>(c.BudgetEndingAtClose),
                WaitingBeforeFirstResponse = c.WaitingBeforeFirstResponse is null ? default : Enum.Parse<WaitingBeforeFirstResponse>(c.WaitingBeforeFirstResponse),
                Rounding = c.Rounding is null ? default : Enum.Parse<DurationRounding>(c.Rounding),
            })
            .WithNegotiatedDueDates(document.NegotiatedDueDates is { } n ? Enum.Parse<NegotiatedDueDates>(n) : default)
            .WithReopening(document.Reopening is { } reopen ? Enum.Parse<ReopeningRule>(reopen) : default)
            .WithPauseReasons([.. ownPauseReasons]);
        if (calendar is not null)
        {
            builder.WithCalendar(calendar);
        }

        if (document.Warnings is { } warnings)
        {
            builder.WithWarnings([.. warnings]);
        }

        return builder;
    }

    private Action<SlaPolicyBuilder>? Target(TargetDocument t, string path)
    {
        var before = errors.Count;
        var metric = Lookup(metrics, t.Metric, path + ".metric", "metric");
        var anchor = t.From is { } from ? Lookup(milestones, from, path + ".from", "milestone") : Milestone.Reported;
        var calendar = t.Calendar is { } id ? Calendar(id, path + ".calendar") : null;
        var waivedBy = t.Waiver is { } w ? Lookup(milestones, w.Milestone, path + ".waiver.milestone", "milestone") : null;
        var window = t.Waiver is { } w2 ? Duration(w2.Within, path + ".waiver.within") : NodaTime.Duration.Zero;
        SlaAmount amount = default;
        if (t.Amount.ByAgreement == true)
        {
            amount = SlaAmount.ByAgreement;
        }
        else if (t.Amount.WorkingDays is { } days)
        {
            amount = SlaAmount.OfWorkingDays(days);
        }
        else if (t.Amount.CloseOfWorkingDay is { } close)
        {
            amount = SlaAmount.UntilCloseOfWorkingDay(close);
        }
        else if (t.Amount.CalendarPeriod is { } period)
        {
            var parsed = NodaTime.Text.PeriodPattern.NormalizingIso.Parse(period);
            if (parsed.Success && !parsed.Value.Equals(Period.Zero))
            {
                amount = SlaAmount.OfCalendarPeriod(NodaTime.Text.PeriodPattern.Roundtrip.Parse(period).GetValueOrThrow());
            }
            else
            {
                errors.Add(new DocumentError(path + ".amount.calendarPeriod", $"'{period}' is not a period of months, weeks and days such as P1M or P15D."));
            }
        }
        else if (t.Amount.BusinessTime is { } time && Duration(time, path + ".amount.businessTime") is { } businessTime)
        {
            amount = SlaAmount.OfBusinessTime(businessTime);
        }

        var levels = new List<SlaEscalationLevel>();
        var escalations = t.Escalations ?? [];
        for (var i = 0; i < escalations.Count; i++)
        {
            var e = escalations[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.escalations[{i}]");
            var counting = e.Counting is null ? EscalationCounting.BusinessTime : Enum.Parse<EscalationCounting>(e.Counting);
            if ((e.Percent is null ? 0 : 1) + (e.Before is null ? 0 : 1) + (e.After is null ? 0 : 1) != 1)
            {
                errors.Add(new DocumentError(at, "an escalation level needs exactly one of percent, before or after."));
                continue;
            }

            levels.Add(e.Percent is { } percent ? SlaEscalationLevel.AtPercent(e.Name, percent, [.. e.Notify])
                : e.Before is { } ahead ? SlaEscalationLevel.Before(e.Name, Duration(ahead, at + ".before"), counting, [.. e.Notify])
                : SlaEscalationLevel.After(e.Name, Duration(e.After!, at + ".after"), counting, [.. e.Notify]));
        }

        var pausedBy = new List<PauseReason>();
        var pausedByCodes = t.PausedBy ?? [];
        for (var i = 0; i < pausedByCodes.Count; i++)
        {
            if (Lookup(pauseReasons, pausedByCodes[i], string.Create(CultureInfo.InvariantCulture, $"{path}.pausedBy[{i}]"), "pause reason") is { } reason)
            {
                pausedBy.Add(reason);
            }
        }

        var channels = (t.Channels ?? []).Select(static c => Enum.Parse<ReportChannel>(c)).ToArray();
        var sites = (t.Sites ?? []).Select(static s => Enum.Parse<SiteLocality>(s)).ToArray();
        if (errors.Count > before || metric is null || anchor is null)
        {
            return null;
        }

        return builder => builder.AddTarget(metric, amount, target =>
        {
            target.ForSeverities([.. t.Severities]).ForChannels(channels).ForSites(sites).From(anchor).Describe(t.Description ?? string.Empty);
            if (t.DistanceKm is { } band)
            {
                target.ForDistance(band.Min, band.Max);
            }

            if (calendar is not null)
            {
                target.On(calendar);
            }

            if (t.Warnings is { } warnings)
            {
                target.WarnAt([.. warnings]);
            }

            if (t.PausesWhileWaitingForCustomer == false)
            {
                target.NotPausedWhileWaitingForCustomer();
            }

            if (waivedBy is not null)
            {
                target.WaivedWhen(waivedBy, window);
            }

            if (t.PausedBy is not null)
            {
                target.PausedOnlyBy([.. pausedBy]);
            }

            target.EscalateAt([.. levels]);
        });
    }

    private void ReadMilestones()
    {
        var own = document.Milestones ?? [];
        for (var i = 0; i < own.Count; i++)
        {
            var m = own[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"$.milestones[{i}].code");
            if (milestones.ContainsKey(m.Code))
            {
                errors.Add(new DocumentError(path, $"milestone '{m.Code}' is {(Milestone.WellKnown.Any(w => w.Code == m.Code) ? "well known; name it without defining it" : "defined twice")}."));
                continue;
            }

            milestones[m.Code] = new Milestone(m.Code, m.NameZh, m.NameEn);
        }
    }

    private void ReadPauseReasons()
    {
        var own = document.PauseReasons ?? [];
        for (var i = 0; i < own.Count; i++)
        {
            var r = own[i];
            if (pauseReasons.ContainsKey(r.Code))
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"$.pauseReasons[{i}].code");
                errors.Add(new DocumentError(path, $"pause reason '{r.Code}' is {(PauseReason.WellKnown.Any(w => w.Code == r.Code) ? "well known; name it without defining it" : "defined twice")}."));
                continue;
            }

            var reason = new PauseReason(r.Code, r.NameZh, r.NameEn);
            pauseReasons[r.Code] = reason;
            ownPauseReasons.Add(reason);
        }
    }

    private void ReadMetrics()
    {
        var own = document.Metrics ?? [];
        var defined = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < own.Count; i++)
        {
            var m = own[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"$.metrics[{i}]");
            if (!defined.Add(m.Code))
            {
                errors.Add(new DocumentError(path + ".code", $"metric '{m.Code}' is defined twice."));
                continue;
            }

            var before = errors.Count;
            var stoppedBy = Lookup(milestones, m.StoppedBy, path + ".stoppedBy", "milestone");
            var endedBy = new List<Milestone>();
            var ended = m.EndedBy ?? ["resolved", "cancelled"];
            for (var j = 0; j < ended.Count; j++)
            {
                if (Lookup(milestones, ended[j], string.Create(CultureInfo.InvariantCulture, $"{path}.endedBy[{j}]"), "milestone") is { } e)
                {
                    endedBy.Add(e);
                }
            }

            var recursOn = m.RecursOn is { } start ? Lookup(milestones, start, path + ".recursOn", "milestone") : null;
            if (recursOn is not null && m.RestartsOnReopen)
            {
                errors.Add(new DocumentError(path + ".restartsOnReopen", "a recurring metric starts at each recursOn milestone; it does not restart on re-opening (set restartsOnReopen to false)."));
            }

            if (recursOn is not null && recursOn.Equals(stoppedBy))
            {
                errors.Add(new DocumentError(path + ".recursOn", $"a recurring clock cannot start at {recursOn.Code}, the milestone that stops it."));
            }

            if (errors.Count == before && stoppedBy is not null)
            {
                // A document may restate a well-known code with its own rules; its definition wins.
                metrics[m.Code] = m.RecursOn is null
                    ? new SlaMetric(m.Code, m.NameZh, m.NameEn, stoppedBy, m.RestartsOnReopen, endedBy)
                    : SlaMetric.Recurring(m.Code, m.NameZh, m.NameEn, recursOn!, stoppedBy, endedBy);
            }
        }
    }

    private T? Lookup<T>(Dictionary<string, T> known, string code, string path, string what)
        where T : class
    {
        if (known.TryGetValue(code, out var found))
        {
            return found;
        }

        errors.Add(new DocumentError(path, $"'{code}' is not a known {what}; known: {string.Join(", ", known.Keys.Order(StringComparer.Ordinal))} (define your own under {what}s)."));
        return null;
    }

    private BusinessCalendar? Calendar(string id, string path)
    {
        var calendar = calendars(id);
        if (calendar is null)
        {
            errors.Add(new DocumentError(path, $"the tenant has no calendar '{id}'; create it first (PUT /calendars/{id}) or name another."));
        }

        return calendar;
    }

    private NodaTime.Duration Duration(string text, string path)
    {
        if (PolicyDocuments.ParseDuration(text) is { } d)
        {
            return d;
        }

        errors.Add(new DocumentError(path, $"'{text}' is not an ISO 8601 duration of days, hours, minutes and seconds such as PT2H or P7D."));
        return NodaTime.Duration.Zero;
    }

    /// <summary>The builder's field name (<c>Targets[0].Calendar</c>) as the document spells it (<c>.calendar</c>).</summary>
    private static string Field(string? paramName)
    {
        var dot = paramName?.IndexOf("].", StringComparison.Ordinal) ?? -1;
        var field = dot < 0 ? string.Empty : paramName![(dot + 2)..];
        return field switch
        {
            "Calendar" => ".calendar",
            "Severities" => ".severities",
            "Distance" => ".distanceKm",
            "WarningPercents" => ".warnings",
            "WaiverWindow" => ".waiver.within",
            "StartAnchor" => ".from",
            "Escalations" => ".escalations",
            "PausedBy" => ".pausedBy",
            _ => string.Empty,
        };
    }
}
