using AfterSales.Calendars;
using AfterSales.Quality.Reporting;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Quality;

public class QualityFiguresTests
{
    private static QualityFigures Compute(
        ReportPeriod period,
        IEnumerable<WorkOrderSummary> orders,
        IEnumerable<SatisfactionSurvey>? surveys = null,
        IEnumerable<CallbackRecord>? callbacks = null,
        IEnumerable<PartsShipment>? shipments = null,
        IEnumerable<SignOffRating>? ratings = null,
        Instant? asOf = null) =>
        QualityFigures.Compute(period, asOf ?? period.EndInstant, orders, ratings ?? [], surveys ?? [], callbacks ?? [], shipments ?? [], QualityTargets.Seed001, ChinaCalendars.Statutory9To18);

    /// <summary>
    /// Seed 000 "down" reported Mon 2026-03-02 10:00: arrival due 11:00; arrived 11:30 (late), restored 12:30 (met: 2 h
    /// from arrival), resolved 15:00 (met: 6 h from arrival). On-site rate 0 %, restore and resolve 100 %, overall 2/3.
    /// </summary>
    [Fact]
    public void Compute_OneLateArrival_OnTimeRatePerMetricAndSeverity_RRP2()
    {
        var order = SampleQuarter.Order("WO-1", "K-1", "down", "2026-03-02 10:00", 5, 90, 150, 300);

        var figures = Compute(ReportPeriod.Month(new YearMonth(2026, 3), Shanghai), [order]);

        var arrival = figures.OnTime.Single(f => f.MetricCode == "on-site-arrival" && f.SeverityCode == "down");
        Assert.Equal(1, arrival.MetLate);
        Assert.Equal(0m, arrival.Rate);
        Assert.Equal(1m, figures.OnTime.Single(f => f.MetricCode == "resolved" && f.SeverityCode is null).Rate);
        Assert.Equal(2m / 3m, figures.OverallOnTime.Rate);
        Assert.Equal(1, figures.MajorFaultCount);
    }

    /// <summary>Reported Fri 2026-02-13 17:00, responded Sat 2026-02-14 (make-up workday) 10:00: 17 h elapsed, 2 h business (17–18 Fri, 09–10 Sat).</summary>
    [Fact]
    public void Compute_MeanTimes_InElapsedAndBusinessTime_RWO3()
    {
        var order = SampleQuarter.Order("WO-1", "K-1", "single", "2026-02-13 17:00", 17 * 60, 0, 0, 0);

        var figures = Compute(ReportPeriod.Month(new YearMonth(2026, 2), Shanghai), [order]);

        var respond = figures.Durations.Single(d => d.Code == "respond");
        Assert.Equal(Duration.FromHours(17), respond.MeanElapsed);
        Assert.Equal(Duration.FromHours(2), respond.MeanBusiness);
    }

    /// <summary>K-1 down from 2026-01-31 20:00 to 2026-02-01 08:00: 4 h in January (of 744 h), 8 h in February (of 672 h).</summary>
    [Fact]
    public void Compute_AvailabilityPerDevice_CutsDowntimeAtPeriodBorders_RRP4()
    {
        var order = SampleQuarter.Order("WO-1", "K-1", "down", "2026-01-31 20:00", 5, 60, 720, 720);

        var january = Compute(ReportPeriod.Month(new YearMonth(2026, 1), Shanghai), [order]);
        var february = Compute(ReportPeriod.Month(new YearMonth(2026, 2), Shanghai), [order]);

        Assert.Equal(Duration.FromHours(4), january.Availability.Single().Downtime);
        Assert.Equal(1m - (4m / 744m), january.Availability.Single().Availability);
        Assert.Equal(Duration.FromHours(8), february.Availability.Single().Downtime);
        Assert.Equal(0, february.WorkOrderCount);
    }

    [Fact]
    public void Compute_SampleQuarter_ComparesWithSeed001Targets_RRP3_RRP5()
    {
        var figures = Compute(ReportPeriod.Quarter(2026, 1, Shanghai), SampleQuarter.WorkOrders, SampleQuarter.Surveys, SampleQuarter.Callbacks, SampleQuarter.Shipments, SampleQuarter.Ratings);

        Assert.Equal(7, figures.CallbacksDone); // WO-2606 is billable: no callback owed
        Assert.Equal(8, figures.CallbacksDue);
        Assert.Equal(6m / 7m, figures.SatisfactionRate);
        Assert.Equal(6m / 7m, figures.ShipmentAccuracy);
        Assert.All(figures.Comparisons, c => Assert.False(c.IsMet));
        Assert.Equal(["satisfaction", "callback", "parts-accuracy"], figures.Comparisons.Select(c => c.Code));
        Assert.Equal("打印头 print head", figures.PartTypes[0].PartType);
        Assert.Equal(4, figures.PartTypes[0].Count);
        Assert.Equal(3, figures.RemarkCount); // two sign-off comments, one survey suggestion
    }

    /// <summary>
    /// R-RP-5: each survey item is answered on its own. Skill answered 4 times (5+4+3+5 = 17), attitude
    /// 5 times (5+5+4+4+4 = 22), timeliness 3 times (4+2+5 = 11); the sign-off ratings (5,4,5,3,5,4,5)
    /// feed the satisfaction rate only and never an item.
    /// </summary>
    [Fact]
    public void Compute_SurveyItems_EachOverItsOwnAnswers_NothingCopiedFromRatings_RRP5()
    {
        var figures = Compute(ReportPeriod.Quarter(2026, 1, Shanghai), [], SampleQuarter.Surveys, ratings: SampleQuarter.Ratings);

        var items = figures.SurveyItems.ToDictionary(i => i.Code);
        Assert.Equal((4, 17), (items["skill"].Answers, items["skill"].ScoreTotal));
        Assert.Equal((5, 22), (items["attitude"].Answers, items["attitude"].ScoreTotal));
        Assert.Equal((3, 11), (items["timeliness"].Answers, items["timeliness"].ScoreTotal));
        Assert.Equal(17m / 4m, items["skill"].Mean);
        Assert.Equal(7, figures.RatingCount);
        Assert.Equal(5, figures.SurveyCount);

        var ratingsOnly = Compute(ReportPeriod.Quarter(2026, 1, Shanghai), [], ratings: SampleQuarter.Ratings);
        Assert.All(ratingsOnly.SurveyItems, i => Assert.Null(i.Mean));
        Assert.All(ratingsOnly.SurveyItems, i => Assert.Equal(NoDataReason.NoSurveyAnswers, ratingsOnly.NoData(i.Code)));
        Assert.Equal(6m / 7m, ratingsOnly.SatisfactionRate);
    }

    /// <summary>A quarter's work orders (serial, severity, minute of the quarter reported, minutes to respond, arrive and restore, parts), surveys, ratings, callbacks and shipments.</summary>
    public sealed record QuarterInput(
        List<(int serial, string severity, int minute, int respond, int arrive, int restore, int parts)> Orders,
        List<SatisfactionSurvey> Surveys,
        List<SignOffRating> Ratings,
        List<CallbackRecord> Callbacks,
        List<PartsShipment> Shipments);

    public static class Arbitraries
    {
        public static Arbitrary<QuarterInput> Quarters()
        {
            string[] severities = ["down", "severe", "single"];
            var orderGen =
                from serial in Gen.Choose(1, 4)
                from severity in Gen.Elements(severities)
                from minute in Gen.Choose(0, (90 * 24 * 60) - 1)
                from respond in Gen.Choose(1, 120)
                from arrive in Gen.Choose(0, 600)
                from restore in Gen.Choose(0, 3000)
                from parts in Gen.Choose(0, 2)
                select (serial, severity, minute, respond, arrive, restore, parts);
            var dayGen = Gen.Choose(0, 89).Select(d => new LocalDate(2026, 1, 1).PlusDays(d));
            var surveyGen = from day in dayGen from skill in Gen.Choose(0, 5) from attitude in Gen.Choose(1, 5) select new SatisfactionSurvey("WO", day, skill == 0 ? null : skill, attitude, null);
            var ratingGen = from day in dayGen from score in Gen.Choose(1, 5) select new SignOffRating("WO", day, score);
            var callbackGen = from day in dayGen from done in Gen.Elements(true, false) from w in Gen.Elements(true, false) select new CallbackRecord("WO", w, day, done);
            var shipmentGen = from day in dayGen from ok in Gen.Elements(true, false) select new PartsShipment("S", "WO", day, "p", 1, ok ? "p" : "q", 1);
            var gen =
                from orders in Gen.ListOf(orderGen)
                from surveys in Gen.ListOf(surveyGen)
                from ratings in Gen.ListOf(ratingGen)
                from callbacks in Gen.ListOf(callbackGen)
                from shipments in Gen.ListOf(shipmentGen)
                select new QuarterInput(orders.Take(8).ToList(), surveys.ToList(), ratings.ToList(), callbacks.ToList(), shipments.ToList());
            return gen.ToArbitrary();
        }
    }

    /// <summary>Counts, clock statuses, duration totals, downtimes and part counts of a quarter equal the sums over its months.</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 100)]
    public bool Compute_QuarterEqualsSumOfMonthsWhereAdditive_Property(QuarterInput input)
    {
        var (raw, surveys, ratings, callbacks, shipments) = input;
        var start = Bj("2026-01-01 00:00");
        var orders = raw.Select((o, i) =>
        {
            var reported = (start + Duration.FromMinutes(o.minute)).InZone(Shanghai).LocalDateTime.ToString("uuuu-MM-dd HH:mm", null);
            var arrive = o.arrive == 0 ? 0 : o.respond + o.arrive;
            var restore = o.restore == 0 ? 0 : o.respond + o.arrive + o.restore;
            return SampleQuarter.Order($"WO-{i}", $"K-{o.serial}", o.severity, reported, o.respond, arrive, restore, restore, [.. Enumerable.Repeat("p", o.parts)]);
        }).ToList();

        var quarterPeriod = ReportPeriod.Quarter(2026, 1, Shanghai);
        var quarter = Compute(quarterPeriod, orders, surveys, callbacks, shipments, ratings);
        var months = quarterPeriod.Months().Select(m => Compute(m, orders, surveys, callbacks, shipments, ratings)).ToList();

        bool Sum<T>(Func<QualityFigures, T> f, Func<IEnumerable<T>, T> add) where T : notnull => f(quarter).Equals(add(months.Select(f)));
        Duration Total(IEnumerable<Duration> ds) => ds.Aggregate(Duration.Zero, (a, b) => a + b);

        return months.Count == 3
            && Sum(f => f.WorkOrderCount, Enumerable.Sum)
            && Sum(f => f.MajorFaultCount, Enumerable.Sum)
            && Sum(f => f.OverallOnTime.Met, Enumerable.Sum)
            && Sum(f => f.OverallOnTime.MetLate, Enumerable.Sum)
            && Sum(f => f.OverallOnTime.Breached, Enumerable.Sum)
            && Sum(f => f.SurveyCount, Enumerable.Sum)
            && Sum(f => f.RatingCount, Enumerable.Sum)
            && Sum(f => f.SatisfiedCount, Enumerable.Sum)
            && quarter.SurveyItems.All(i => i.Answers == months.Sum(m => m.SurveyItems.Single(x => x.Code == i.Code).Answers)
                && i.ScoreTotal == months.Sum(m => m.SurveyItems.Single(x => x.Code == i.Code).ScoreTotal))
            && Sum(f => f.CallbacksDue, Enumerable.Sum)
            && Sum(f => f.CallbacksDone, Enumerable.Sum)
            && Sum(f => f.ShipmentCount, Enumerable.Sum)
            && Sum(f => f.CorrectShipments, Enumerable.Sum)
            && Sum(f => f.PartTypes.Sum(p => p.Count), Enumerable.Sum)
            && quarter.Durations.All(d =>
                d.Count == months.Sum(m => m.Durations.Single(x => x.Code == d.Code).Count)
                && d.TotalElapsed == Total(months.Select(m => m.Durations.Single(x => x.Code == d.Code).TotalElapsed))
                && d.TotalBusiness == Total(months.Select(m => m.Durations.Single(x => x.Code == d.Code).TotalBusiness)))
            && quarter.Availability.All(a =>
                a.Downtime == Total(months.Select(m => m.Availability.SingleOrDefault(x => x.DeviceSerial == a.DeviceSerial)?.Downtime ?? Duration.Zero)));
    }
}
