using System.Globalization;
using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using FsCheck;
using FsCheck.Fluent;

namespace AfterSales.Testing;

/// <summary>
/// FsCheck generators for AfterSales.Kit: calendars (random weekly hours including 24:00 and split
/// days, holidays and extra working days, DST zones, and China's statutory calendar), SLA policies
/// with random targets on a scale, and valid ticket timelines. <see cref="AfterSalesArb"/> wraps
/// them as arbitraries.
/// </summary>
/// <remarks>
/// Every instant, pause and range generated is a whole minute, so <see cref="ReferenceSla"/> is
/// exact on them. Spans are short (a calendar's window is 4 weeks, a target at most a few days),
/// which keeps the reference fast. Generators are pure and thread-safe.
/// </remarks>
public static class AfterSalesGen
{
    private static readonly Instant DefaultFrom = Instant.FromUtc(2025, 1, 1, 0, 0);
    private static readonly Instant DefaultTo = Instant.FromUtc(2026, 11, 1, 0, 0);

    /// <summary>The zones calendars are generated in: UTC, Asia/Shanghai, and three with daylight saving —
    /// Europe/Berlin, America/New_York and Australia/Lord_Howe (a 30-minute shift).</summary>
    public static IReadOnlyList<DateTimeZone> Zones { get; } =
    [
        DateTimeZone.Utc,
        DateTimeZoneProviders.Tzdb["Asia/Shanghai"],
        DateTimeZoneProviders.Tzdb["Europe/Berlin"],
        DateTimeZoneProviders.Tzdb["America/New_York"],
        DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"],
    ];

    /// <summary>The well-known severity scales of the seed plans.</summary>
    public static IReadOnlyList<SeverityScale> Scales { get; } =
    [
        SeverityScales.LevelsOneToFour, SeverityScales.UrgentToNormal, SeverityScales.ClassesAToD,
        SeverityScales.KioskHardwareFaults, SeverityScales.SingleLevel,
    ];

    /// <summary>Metrics targets are generated for.</summary>
    public static IReadOnlyList<SlaMetric> Metrics { get; } =
    [
        SlaMetric.FirstResponse, SlaMetric.OnSiteArrival, SlaMetric.RepairPlan,
        SlaMetric.LoanerProvided, SlaMetric.ServiceRestored, SlaMetric.Resolved,
    ];

    /// <summary>Milestones a timeline can reach after the report.</summary>
    public static IReadOnlyList<Milestone> Milestones { get; } =
    [
        Milestone.Responded, Milestone.ArrivedOnSite, Milestone.RepairPlanDelivered,
        Milestone.LoanerProvided, Milestone.ServiceRestored, Milestone.Resolved,
    ];

    private static readonly int[] WarningChoices = [25, 50, 75, 90, 100];

    /// <summary>Dates near the 2026 daylight-saving changes of the generated zones, and a few plain ones.</summary>
    private static readonly LocalDate[] Anchors =
    [
        new(2026, 3, 8), new(2026, 3, 29), new(2026, 4, 5), new(2026, 10, 4), new(2026, 10, 25), new(2026, 11, 1),
        new(2026, 1, 1), new(2026, 6, 15), new(2025, 12, 31),
    ];

    /// <summary>A zone of <see cref="Zones"/>.</summary>
    /// <returns>The generator.</returns>
    public static Gen<DateTimeZone> Zone() => Gen.Elements<DateTimeZone>(Zones);

    /// <summary>A whole-minute instant in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <returns>The generator.</returns>
    /// <exception cref="ArgumentException">The range holds no whole minute.</exception>
    public static Gen<Instant> WholeMinutes(Instant from, Instant to)
    {
        var first = Instant.FromUnixTimeTicks((from.ToUnixTimeTicks() + NodaConstants.TicksPerMinute - 1) / NodaConstants.TicksPerMinute * NodaConstants.TicksPerMinute);
        var count = (long)Math.Ceiling((to - first).TotalMinutes);
        if (count <= 0 || count > int.MaxValue)
        {
            throw new ArgumentException($"to: {from}..{to} must hold at least one and fewer than 2^31 whole minutes.", nameof(to));
        }

        return Gen.Choose(0, (int)count - 1).Select(m => first + Duration.FromMinutes(m));
    }

    /// <summary>
    /// One day's hours: one to three ranges, usually on a 30-minute grid so that adjacent ranges
    /// (09:00–12:00, 12:00–18:00), midnight and 24:00 occur; sometimes on odd minutes.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<WorkingHours[]> DayHours() =>
        Gen.Choose(0, int.MaxValue).Select(seed => RandomRanges(new Random(seed)).Select(r => WorkingHours.FromMinutesOfDay(r.Start, r.End)).ToArray());

    /// <summary>
    /// A calendar: five times in six random weekly hours in a zone of <see cref="Zones"/> with up to
    /// four holidays and three extra working days around a daylight-saving change, once in six
    /// China's statutory 9:00–18:00 calendar in a covered year. At least an hour of business time a week.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<GeneratedCalendar> Calendars() =>
        Gen.Frequency((5, RuleCalendars()), (1, ChinaStatutoryCalendars()));

    /// <summary>Random weekly hours, holidays and extra working days in a zone of <see cref="Zones"/>.</summary>
    /// <returns>The generator.</returns>
    public static Gen<GeneratedCalendar> RuleCalendars() =>
        from zone in Zone()
        from week in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(Array.Empty<WorkingHours>())), (3, DayHours())), 7)
        from anchor in Gen.Elements(Anchors)
        from shift in Gen.Choose(-5, 5)
        from holidayCount in Gen.Choose(0, 4)
        from holidayOffsets in Gen.ArrayOf(Gen.Choose(0, 39), holidayCount)
        from extraCount in Gen.Choose(0, 3)
        from extraDays in Gen.ArrayOf(Gen.Zip(Gen.Choose(0, 39), DayHours()), extraCount)
        where week.Sum(d => d.Sum(h => (long)h.Length.TotalMinutes)) >= 60
        select MakeCalendar(zone, week, anchor.PlusDays(shift - 14), holidayOffsets, extraDays);

    /// <summary>
    /// <see cref="ChinaCalendars.Statutory9To18"/> with a four-week window in the years its data
    /// covers, often around a Spring Festival, Labour Day or National Day with make-up workdays.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<GeneratedCalendar> ChinaStatutoryCalendars()
    {
        var first = ChinaCalendars.FirstYearWithData;
        var last = ChinaCalendars.LastYearWithData;
        var anyDay = from year in Gen.Choose(first, last)
                     from day in Gen.Choose(0, 300)
                     select new LocalDate(year, 1, 10).PlusDays(day);
        var festival = from year in Gen.Choose(first, last - 1)
                       from date in Gen.Elements(new LocalDate(year, 1, 20), new LocalDate(year, 4, 25), new LocalDate(year, 9, 25))
                       from shift in Gen.Choose(-7, 7)
                       select date.PlusDays(shift);
        return Gen.Frequency((1, anyDay), (2, festival)).Select(start =>
        {
            var zone = ChinaCalendars.BeijingTime;
            return new GeneratedCalendar(
                ChinaCalendars.Statutory9To18,
                ReferenceCalendar.ChinaStatutory9To18,
                start.AtStartOfDayInZone(zone).ToInstant(),
                start.PlusDays(28).AtStartOfDayInZone(zone).ToInstant());
        });
    }

    /// <summary>
    /// A policy of one to five random targets on <paramref name="calendar"/> for <paramref name="scale"/>:
    /// random metrics, amounts of 1 minute to <paramref name="maxTarget"/> of business time (sometimes
    /// 1–2 working days), severities, channels, sites, start anchors, warnings, pausing or not, and
    /// sometimes a waiver. It always builds.
    /// </summary>
    /// <param name="calendar">The coverage calendar.</param>
    /// <param name="scale">The severity scale; the default value is a scale of <see cref="Scales"/> at random.</param>
    /// <param name="maxTarget">The largest business-time amount; the default value is 8 hours.</param>
    /// <returns>The generator.</returns>
    public static Gen<SlaPolicy> Policies(BusinessCalendar calendar, SeverityScale? scale = null, Duration? maxTarget = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var max = (int)Math.Max(1, Math.Min(int.MaxValue, (maxTarget ?? Duration.FromHours(8)).TotalMinutes));
        var scales = scale is null ? Gen.Elements<SeverityScale>(Scales) : Gen.Constant(scale);
        return from s in scales
               from targets in Gen.Choose(1, 5).SelectMany(n => Gen.ArrayOf(Target(s, max), n))
               select BuildPolicy(calendar, s, targets);
    }

    /// <summary>
    /// A valid timeline for <paramref name="policy"/>'s scale reported between 2025-01-01 and
    /// 2026-11-01 UTC (China's statutory data covers it); see <see cref="Timelines(SeverityScale, Instant, Instant)"/>.
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<TicketTimeline> Timelines(SlaPolicy policy) => Timelines(policy, DefaultFrom, DefaultTo);

    /// <summary>A valid timeline for <paramref name="policy"/>'s scale reported in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <returns>The generator.</returns>
    public static Gen<TicketTimeline> Timelines(SlaPolicy policy, Instant from, Instant to)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Timelines(policy.SeverityScale, from, to);
    }

    /// <summary>
    /// A valid timeline: a report (random severity of <paramref name="scale"/>, channel, site, and
    /// sometimes the fault's occurrence up to 10 h before) in [<paramref name="reportedFrom"/>, <paramref name="reportedTo"/>),
    /// then up to 12 facts in time order, minutes to days apart (sometimes at the same instant):
    /// milestones (each at most once per cycle), pauses and resumes (possibly one left open),
    /// reclassifications to another level of the scale, and re-openings after a restoration or resolution.
    /// </summary>
    /// <returns>The generator; every timeline it makes is accepted by <see cref="TicketTimeline"/>.</returns>
    public static Gen<TicketTimeline> Timelines(SeverityScale scale, Instant reportedFrom, Instant reportedTo)
    {
        ArgumentNullException.ThrowIfNull(scale);
        var codes = scale.Levels.Select(l => l.Code).ToArray();
        var gap = Gen.Frequency((2, Gen.Choose(0, 15)), (6, Gen.Choose(0, 180)), (3, Gen.Choose(0, 1440)), (1, Gen.Choose(0, 4320)));
        var step = from kind in Gen.Choose(0, 99)
                   from minutes in gap
                   from pick in Gen.Choose(0, 1000)
                   select (Kind: kind, Minutes: minutes, Pick: pick);
        var site = Gen.OneOf(
            Gen.Constant(ServiceSite.Local),
            Gen.Constant(ServiceSite.NonLocal),
            Gen.Choose(1, 3000).Select(ServiceSite.Travel));
        return from reported in WholeMinutes(reportedFrom, reportedTo)
               from severity in Gen.Elements(codes)
               from channel in Gen.Elements(Enum.GetValues<ReportChannel>())
               from place in site
               from faultBefore in Gen.Frequency((1, Gen.Constant(-1)), (1, Gen.Choose(0, 600)))
               from steps in Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(step, n))
               select Fold(TicketTimeline.Open(
                   reported, severity, channel, place,
                   faultBefore < 0 ? null : reported - Duration.FromMinutes(faultBefore)), codes, steps);
    }

    /// <summary>
    /// Timelines with the conversation and the agreements of issue 17 §3–§4, for <paramref name="policy"/>:
    /// as <see cref="Timelines(SlaPolicy)"/>, and also customer messages and agent answers (recurring
    /// next-response clocks), pauses for any of the policy's <see cref="SlaPolicy.PauseReasons"/>, and due
    /// dates negotiated for its non-recurring metrics (minutes to days ahead, possibly before the policy's
    /// own deadline), reported in 2025 – 2026-11.
    /// </summary>
    /// <param name="policy">The policy whose scale, pause reasons and metrics the facts use.</param>
    /// <returns>The generator; every timeline it makes is accepted by <see cref="TicketTimeline"/>.</returns>
    public static Gen<TicketTimeline> ConversationTimelines(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var codes = policy.SeverityScale.Levels.Select(l => l.Code).ToArray();
        var gap = Gen.Frequency((2, Gen.Choose(0, 15)), (6, Gen.Choose(0, 180)), (3, Gen.Choose(0, 1440)), (1, Gen.Choose(0, 4320)));
        var step = from kind in Gen.Choose(0, 99)
                   from minutes in gap
                   from pick in Gen.Choose(0, 1000)
                   select (Kind: kind, Minutes: minutes, Pick: pick);
        return from reported in WholeMinutes(DefaultFrom, DefaultTo)
               from severity in Gen.Elements(codes)
               from channel in Gen.Elements(Enum.GetValues<ReportChannel>())
               from steps in Gen.Choose(0, 16).SelectMany(n => Gen.ArrayOf(step, n))
               select FoldConversation(TicketTimeline.Open(reported, severity, channel, ServiceSite.Local), policy, codes, steps);
    }

    /// <summary>
    /// A whole case for an SLA property: a calendar (<see cref="Calendars"/>), a policy on it
    /// (<see cref="Policies"/>, targets no longer than a week of its business time), a timeline
    /// reported in its window and an evaluation instant — usually after the last fact, sometimes
    /// before it (facts after "now" are ignored by the evaluator).
    /// </summary>
    /// <returns>The generator.</returns>
    public static Gen<SlaScenario> Scenarios() =>
        from calendar in Calendars()
        from policy in Policies(calendar.Calendar, maxTarget: Duration.FromMinutes(Math.Min(8 * 60, calendar.Rules.WeeklyMinutes)))
        from timeline in Timelines(policy, calendar.WindowStart, calendar.WindowEnd)
        from later in Gen.Frequency((4, Gen.Choose(0, 3 * 1440)), (1, Gen.Choose(-3 * 1440, -1)))
        select new SlaScenario(calendar, policy, timeline, Max(timeline.ReportedAt, timeline.LastAt + Duration.FromMinutes(later)));

    private sealed record TargetSpec(
        SlaMetric Metric, SlaAmount Amount, string[]? Severities, ReportChannel[]? Channels, SiteLocality[]? Sites,
        Milestone Anchor, bool Pauses, int[] Warnings, int? WaiverMinutes)
    {
        public override string ToString()
        {
            var text = $"{Metric} within {Amount}";
            text += Severities is null ? " for all" : " for " + string.Join("/", Severities);
            text += Channels is null ? "" : " by " + string.Join("/", Channels);
            text += Sites is null ? "" : " at " + string.Join("/", Sites);
            text += Anchor.Equals(Milestone.Reported) ? "" : $" from {Anchor}";
            text += Pauses ? "" : " not paused";
            text += WaiverMinutes is { } w ? string.Create(CultureInfo.InvariantCulture, $" waived if restored within {w} min") : "";
            return text;
        }
    }

    private static Gen<TargetSpec> Target(SeverityScale scale, int maxMinutes)
    {
        var codes = scale.Levels.Select(l => l.Code).ToArray();
        var amount = Gen.Frequency(
            (9, Gen.Choose(1, maxMinutes).Select(SlaAmount.Minutes)),
            (1, Gen.Choose(1, 2).Select(SlaAmount.OfWorkingDays)));
        var severities = Gen.Frequency(
            (1, Gen.Constant<string[]?>(null)),
            (1, Gen.SubListOf(codes).Where(l => l.Count > 0).Select(l => (string[]?)[.. l])));
        var channels = Gen.Frequency(
            (3, Gen.Constant<ReportChannel[]?>(null)),
            (1, Gen.SubListOf(Enum.GetValues<ReportChannel>()).Where(l => l.Count > 0).Select(l => (ReportChannel[]?)[.. l])));
        var sites = Gen.Frequency(
            (4, Gen.Constant<SiteLocality[]?>(null)),
            (1, Gen.SubListOf(Enum.GetValues<SiteLocality>()).Where(l => l.Count > 0).Select(l => (SiteLocality[]?)[.. l])));
        var anchor = Gen.Frequency(
            (6, Gen.Constant(Milestone.Reported)),
            (2, Gen.Constant(Milestone.FaultOccurred)),
            (1, Gen.Constant(Milestone.Responded)),
            (1, Gen.Constant(Milestone.ArrivedOnSite)));
        var warnings = Gen.SubListOf(WarningChoices).Select(l => l.ToArray());
        var waiver = Gen.Frequency((9, Gen.Constant<int?>(null)), (1, Gen.Choose(1, 300).Select(m => (int?)m)));
        return from metric in Gen.Elements<SlaMetric>(Metrics)
               from a in amount
               from sev in severities
               from ch in channels
               from si in sites
               from an in anchor
               from pauses in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
               from w in warnings
               from wv in waiver
               select new TargetSpec(
                   metric, a, sev, ch, si,
                   an.Equals(metric.StoppedBy) ? Milestone.Reported : an,
                   pauses, w,
                   metric.Equals(SlaMetric.ServiceRestored) ? null : wv);
    }

    private static SlaPolicy BuildPolicy(BusinessCalendar calendar, SeverityScale scale, TargetSpec[] targets)
    {
        var builder = SlaPolicy.CreateBuilder("generated", 1, string.Join("; ", targets.Select(t => t.ToString())), scale)
            .WithCalendar(calendar);
        foreach (var spec in targets)
        {
            builder.AddTarget(spec.Metric, spec.Amount, t =>
            {
                if (spec.Severities is null)
                {
                    t.ForAllSeverities();
                }
                else
                {
                    t.ForSeverities(spec.Severities);
                }

                if (spec.Channels is not null)
                {
                    t.ForChannels(spec.Channels);
                }

                if (spec.Sites is not null)
                {
                    t.ForSites(spec.Sites);
                }

                t.From(spec.Anchor).WarnAt(spec.Warnings);
                if (!spec.Pauses)
                {
                    t.NotPausedWhileWaitingForCustomer();
                }

                if (spec.WaiverMinutes is { } minutes)
                {
                    t.WaivedWhen(Milestone.ServiceRestored, Duration.FromMinutes(minutes));
                }
            });
        }

        return builder.Build();
    }

    private static TicketTimeline FoldConversation(TicketTimeline timeline, SlaPolicy policy, string[] codes, (int Kind, int Minutes, int Pick)[] steps)
    {
        var reached = new HashSet<Milestone>();
        var negotiable = policy.Metrics.Where(static m => !m.IsRecurring).ToArray();
        var at = timeline.ReportedAt;
        foreach (var (kind, minutes, pick) in steps)
        {
            at += Duration.FromMinutes(minutes);
            if (kind < 30)
            {
                var open = Milestones.Where(m => !reached.Contains(m)).ToArray();
                if (open.Length > 0)
                {
                    var milestone = open[pick % open.Length];
                    reached.Add(milestone);
                    timeline = timeline.Reached(milestone, at);
                }
            }
            else if (kind < 45)
            {
                timeline = timeline.Reached(Milestone.CustomerMessage, at);
            }
            else if (kind < 55)
            {
                timeline = timeline.Reached(Milestone.AgentAnswered, at);
            }
            else if (kind < 75)
            {
                timeline = timeline.IsPaused ? timeline.Resumed(at) : timeline.Paused(at, policy.PauseReasons[pick % policy.PauseReasons.Count], "waiting");
            }
            else if (kind < 83)
            {
                var others = codes.Where(c => c != timeline.CurrentSeverityCode).ToArray();
                if (others.Length > 0)
                {
                    timeline = timeline.Reclassified(others[pick % others.Length], at);
                }
            }
            else if (kind < 93)
            {
                if (negotiable.Length > 0)
                {
                    timeline = timeline.DueDateNegotiated(negotiable[pick % negotiable.Length], at + Duration.FromMinutes(1 + (pick * 7 % 4320)), at, "agreed", "service manager");
                }
            }
            else if (reached.Contains(Milestone.Resolved) || reached.Contains(Milestone.ServiceRestored))
            {
                timeline = timeline.Reopened(at);
                reached.Clear();
            }
        }

        return timeline;
    }

    private static TicketTimeline Fold(TicketTimeline timeline, string[] codes, (int Kind, int Minutes, int Pick)[] steps)
    {
        var reached = new HashSet<Milestone>();
        var at = timeline.ReportedAt;
        foreach (var (kind, minutes, pick) in steps)
        {
            at += Duration.FromMinutes(minutes);
            if (kind < 45)
            {
                var open = Milestones.Where(m => !reached.Contains(m)).ToArray();
                if (open.Length > 0)
                {
                    var milestone = open[pick % open.Length];
                    reached.Add(milestone);
                    timeline = timeline.Reached(milestone, at);
                }
            }
            else if (kind < 75)
            {
                timeline = timeline.IsPaused ? timeline.Resumed(at) : timeline.Paused(at, "waiting for customer");
            }
            else if (kind < 90)
            {
                var others = codes.Where(c => c != timeline.CurrentSeverityCode).ToArray();
                if (others.Length > 0)
                {
                    timeline = timeline.Reclassified(others[pick % others.Length], at);
                }
            }
            else if (reached.Contains(Milestone.Resolved) || reached.Contains(Milestone.ServiceRestored))
            {
                timeline = timeline.Reopened(at);
                reached.Clear();
            }
        }

        return timeline;
    }

    private static GeneratedCalendar MakeCalendar(
        DateTimeZone zone, WorkingHours[][] week, LocalDate first, int[] holidayOffsets, (int Offset, WorkingHours[] Hours)[] extraDays)
    {
        var weekly = new Dictionary<IsoDayOfWeek, IReadOnlyList<WorkingHours>>();
        for (var day = 0; day < 7; day++)
        {
            if (week[day].Length > 0)
            {
                weekly[(IsoDayOfWeek)(day + 1)] = week[day];
            }
        }

        var special = new Dictionary<LocalDate, IReadOnlyList<WorkingHours>>();
        foreach (var offset in holidayOffsets)
        {
            special[first.PlusDays(offset)] = [];
        }

        foreach (var (offset, hours) in extraDays)
        {
            special.TryAdd(first.PlusDays(offset), hours);
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"generated {zone.Id} from {first:uuuu-MM-dd}");
        var rules = new ReferenceCalendar(name, zone, weekly, special);
        return new GeneratedCalendar(
            rules.ToBusinessCalendar(),
            rules,
            first.AtStartOfDayInZone(zone).ToInstant(),
            first.PlusDays(28).AtStartOfDayInZone(zone).ToInstant());
    }

    /// <summary>1–3 sorted ranges on a 30-minute grid (so adjacency and 24:00 occur), sometimes odd
    /// minutes. Internal so the Domain tests' calendar specs draw ranges the same way.</summary>
    internal static List<(int Start, int End)> RandomRanges(Random random)
    {
        var grid = random.Next(3) == 0 ? 1 : 30;
        var count = random.Next(1, 4);
        var points = new SortedSet<int>();
        if (random.Next(4) == 0)
        {
            points.Add(0);
        }

        if (random.Next(4) == 0)
        {
            points.Add(1440);
        }

        while (points.Count < count * 2)
        {
            points.Add(random.Next((1440 / grid) + 1) * grid);
        }

        var sorted = points.Take(count * 2).ToArray();
        var ranges = new List<(int, int)>();
        for (var i = 0; i < sorted.Length; i += 2)
        {
            ranges.Add((sorted[i], sorted[i + 1]));
        }

        // Sometimes two ranges are adjacent, like 09:00–12:00 and 12:00–18:00.
        if (ranges.Count > 1 && random.Next(3) == 0)
        {
            ranges[1] = (ranges[0].Item2, ranges[1].Item2);
        }

        return ranges;
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;
}
