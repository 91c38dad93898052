using AfterSales.Events;
using AfterSales.Sla;
using AfterSales.Testing;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.Events;

/// <summary>Worked examples of the events a ticket's saves and the watcher's visits produce.</summary>
public class TicketDomainEventsTests
{
    private static readonly Instant Reported = Instant.FromUtc(2026, 3, 2, 1, 0);

    [Fact]
    public void ForSave_NewTicket_OneReportedEvent_IdFromTenantTicketVersion()
    {
        var clock = new FakeClock(Reported);
        var ticket = new TicketBuilder(SlaPresets.SystemIntegration002, clock).WithId("WO-1").WithTenant("acme").WithSeverity("A").Report();
        var result = TicketDomainEvents.ForSave(ticket, 0, Reported);
        var e = Assert.Single(result.Events);
        Assert.Equal(AfterSalesEventTypes.TicketReported, e.Type);
        Assert.Equal("tickets/WO-1", e.Subject);
        Assert.Equal("acme", e.TenantId);
        Assert.Equal(Reported, e.OccurredAt);
        Assert.Null(e.Actor);
        var data = Assert.IsType<TicketChanged>(e.Data);
        Assert.Null(data.Command);
        Assert.Equal(TicketState.Reported, data.State);
        Assert.Equal(Reported + Duration.FromSeconds(450), result.Summary.NextDeadline);
    }

    [Fact]
    public void ForSave_TheEventsActor_IsTheDomainEventsActor()
    {
        var clock = new FakeClock(Reported);
        var ticket = new TicketBuilder(SlaPresets.SystemIntegration002, clock).WithSeverity("A").Report();
        ticket.ActAs(new Actor("u-42", "Li Wei"), static t => t.Acknowledge());
        var step = Assert.Single(TicketDomainEvents.ForSave(ticket, 1, Reported).Events);
        Assert.Equal("u-42", step.Actor);
    }

    [Fact]
    public void ForSave_EachStep_ItsTypeAndCommand_AndTheSaveInstantsAlertsNotAlreadyReached()
    {
        var clock = new FakeClock(Reported);
        var ticket = new TicketBuilder(SlaPresets.SystemIntegration002, clock).WithSeverity("A").Report();
        clock.Advance(Duration.FromMinutes(12));
        ticket.Acknowledge();
        ticket.StartRemoteDiagnosis();

        // Saved at 12 min after a save at the report: the 50 % and 75 % first-response warnings fell due
        // meanwhile and nobody published them; the response stopped the clock before 90 %.
        var result = TicketDomainEvents.ForSave(ticket, 1, clock.GetCurrentInstant());
        Assert.Equal(
            ["aftersales.ticket.acknowledged", "aftersales.ticket.remote-diagnosis-started", "aftersales.clock.warning", "aftersales.clock.warning"],
            result.Events.Select(static e => e.Type));
        Assert.Equal(["acknowledge", "start-remote-diagnosis"], result.Events.Take(2).Select(static e => ((TicketChanged)e.Data).Command));
        Assert.Equal([50, 75], result.Events.Skip(2).Select(static e => ((ClockAlert)e.Data).Threshold.Percent));

        // Found 4 min 30 s after it fell due, the 50 % warning is late; the 75 % one, 45 s after, is not.
        Assert.Equal([true, false], result.Events.Skip(2).Select(static e => ((ClockAlert)e.Data).IsLate));
    }

    [Fact]
    public void R_SEV_2_ReclassifiedUpwardPastTheStricterDueInstant_BreachPublishedAtOnce_MarkedLate()
    {
        // Class C (respond within 72 h), reclassified to A after 3 h: A's on-site target (2 h, local) is
        // already breached — at 03:00, noticed at 04:00.
        var clock = new FakeClock(Reported);
        var ticket = new TicketBuilder(SlaPresets.SystemIntegration002, clock).WithChannel(ReportChannel.Email).WithSeverity("C").Report();
        clock.Advance(Duration.FromHours(3));
        ticket.Reclassify("A", "whole branch down");
        var result = TicketDomainEvents.ForSave(ticket, 1, clock.GetCurrentInstant());
        var breach = Assert.Single(result.Events, static e => e.Type == AfterSalesEventTypes.ClockBreached);
        var alert = (ClockAlert)breach.Data;
        Assert.Equal(SlaMetric.OnSiteArrival, alert.Clock.Metric);
        Assert.Equal(Reported + Duration.FromHours(2), breach.OccurredAt);
        Assert.Equal(Reported + Duration.FromHours(3), alert.DetectedAt);
        Assert.True(alert.IsLate);
        Assert.True(result.Summary.IsLegacyIssue);
    }

    [Fact]
    public void ForDeadline_TwoVisits_EachThresholdOnce_TheSecondFindsNothingNew()
    {
        var clock = new FakeClock(Reported);
        var ticket = new TicketBuilder(SlaPresets.SystemIntegration002, clock).WithSeverity("A").Report();
        var first = TicketDomainEvents.ForDeadline(ticket, Reported, Reported + Duration.FromMinutes(16));
        Assert.Equal(["warning/50", "warning/75", "warning/90", "breach"], first.Events.Select(static e => ((ClockAlert)e.Data).Threshold.Name));
        Assert.Empty(TicketDomainEvents.ForDeadline(ticket, first.Summary.AsOf, Reported + Duration.FromMinutes(17)).Events);
        Assert.Equal(Reported + Duration.FromMinutes(60), first.Summary.NextDeadline);
    }

    /// <summary>Phone answer within 30 min on 7×24, escalated along R-CP-5's path: QA 10 min before, PM at due, leadership 1 h after.</summary>
    private static readonly SlaPolicy Escalating = SlaPolicy.CreateBuilder("escalating", 1, "escalating", Severity.SeverityScales.SingleLevel)
        .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
        .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(30), static t => t.ForAllSeverities().EscalateAt(
            SlaEscalationLevel.Before("QA", Duration.FromMinutes(10), EscalationCounting.BusinessTime, "qa"),
            SlaEscalationLevel.AtPercent("PM", 100, "project-manager"),
            SlaEscalationLevel.After("leadership", Duration.FromHours(1), EscalationCounting.ElapsedTime, "project-leadership")))
        .Build();

    [Fact]
    public void R_CP_5_ForDeadline_EachEscalationLevelOnceAtItsInstant_TheLastAfterTheBreach()
    {
        var clock = new FakeClock(Reported);
        var ticket = new TicketBuilder(Escalating, clock).WithId("WO-E").WithTenant("acme").Report();
        var reported = TicketDomainEvents.ForSave(ticket, 0, Reported);
        Assert.Equal(Reported + Duration.FromMinutes(20), reported.Summary.NextDeadline); // QA first

        // The watcher wakes at each next deadline in turn: QA at 20 min, PM at 30 (the due instant: the
        // breach is strictly after it), the breach just after, leadership at 1 h 30 min; then nothing is due.
        var events = new List<DomainEvent>();
        var since = Reported;
        var wakes = new List<Instant>();
        while (TicketDomainEvents.ForDeadline(ticket, since, since).Summary.NextDeadline is { } next && wakes.Count < 10)
        {
            var at = next == since ? next + Duration.Epsilon : next;
            wakes.Add(at);
            var visit = TicketDomainEvents.ForDeadline(ticket, since, at);
            events.AddRange(visit.Events);
            since = visit.Summary.AsOf;
        }

        Assert.Equal(
            [("escalated", "QA", 20), ("escalated", "PM", 30), ("breached", null, 30), ("escalated", "leadership", 90)],
            events.Select(e => (e.Type["aftersales.clock.".Length..], ((ClockAlert)e.Data).Threshold.Escalation?.Level.Name, (int)(e.OccurredAt - Reported).TotalMinutes)));
        var leadership = (ClockAlert)events[^1].Data;
        Assert.Equal(["project-leadership"], leadership.Threshold.Escalation!.Level.Notify);
        Assert.Equal("first-response/1/escalation/leadership", leadership.Threshold.Key);
        Assert.All(events, static e => Assert.False(((ClockAlert)e.Data).IsLate));
        Assert.Equal(events.Count, events.Select(static e => e.Id).Distinct().Count());

        // A second watcher (another node) visiting the same span finds the same events, with the same ids.
        Assert.Equal(events.Select(static e => e.Id).Order(StringComparer.Ordinal), TicketDomainEvents.ForDeadline(ticket, Reported, since).Events.Select(static e => e.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void R_CP_5_AnsweredBeforeTheDueInstant_NoLevelAfterIt_AndNothingMoreDue()
    {
        var clock = new FakeClock(Reported);
        var ticket = new TicketBuilder(Escalating, clock).WithId("WO-E").Report();
        clock.Advance(Duration.FromMinutes(25));
        ticket.Acknowledge();
        var saved = TicketDomainEvents.ForSave(ticket, 1, clock.GetCurrentInstant());
        var alert = (ClockAlert)Assert.Single(saved.Events, static e => e.Type == AfterSalesEventTypes.ClockEscalated).Data;
        Assert.Equal("QA", alert.Threshold.Escalation!.Level.Name);
        Assert.Null(saved.Summary.NextDeadline);
    }

    [Fact]
    public void Types_EveryTicketEventKind_HasAKebabCaseType()
    {
        Assert.Equal("aftersales.ticket.arrived-on-site", AfterSalesEventTypes.ForTicket(TicketEventKind.ArrivedOnSite));
        Assert.Equal("aftersales.ticket.waiting-for-customer", AfterSalesEventTypes.ForTicket(TicketEventKind.WaitingForCustomer));
        Assert.Equal(Enum.GetValues<TicketEventKind>().Length, AfterSalesEventTypes.TicketTypes.Distinct().Count());
        Assert.All(AfterSalesEventTypes.Known, static t => Assert.Matches("^aftersales\\.[a-z]+\\.[a-z-]+$", t));
    }
}

/// <summary>Calendars as data: a clock that counts over a year without holiday data is provisional, and confirmed once the data is adopted.</summary>
public class ProvisionalClockEventsTests
{
    private static readonly SlaPolicy Seed002On5x8 = SlaPresets.SystemIntegration002On(AfterSales.Calendars.ChinaCalendars.Statutory9To18, "cn-002-system-integration-5x8");

    [Fact]
    public void R_SLA_7_ReportedBeforeAYearWithoutData_Provisional_ThenCalendarsAdopted_Confirmed()
    {
        // Class C by e-mail on 5×8, reported Sunday 2026-12-20: the agreed plan (108 business hours) reaches 2027.
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 20, 2, 0));
        var ticket = Ticket.Report(new TicketBuilder(Seed002On5x8, clock).WithChannel(ReportChannel.Email).WithSeverity("C").WithId("WO-9").Draft, Seed002On5x8, clock);
        var reported = TicketDomainEvents.ForSave(ticket, 0, clock.GetCurrentInstant());
        var provisional = Assert.Single(reported.Events, static e => e.Type == AfterSalesEventTypes.ClockProvisional);
        Assert.Equal(SlaMetric.RepairPlan, ((ClockAlert)provisional.Data).Clock.Metric);
        Assert.True(reported.Summary.IsProvisional);

        // 2027's data arrives (test data: 4 January a holiday) and the ticket adopts it.
        clock.Advance(Duration.FromDays(3));
        var year2027 = AfterSales.Calendars.HolidayYear.Create(2027, [AfterSales.Calendars.CalendarDay.Holiday(new LocalDate(2027, 1, 4), "test holiday")], []);
        Assert.True(ticket.AdoptCalendars([AfterSales.Calendars.CalendarPresets.ChinaStatutory9To18.WithYear(year2027).WithVersion(2).Calendar]));
        var adopted = TicketDomainEvents.ForSave(ticket, 1, clock.GetCurrentInstant());
        Assert.Equal("aftersales.ticket.calendars-adopted", adopted.Events[0].Type);
        var confirmed = Assert.Single(adopted.Events, static e => e.Type == AfterSalesEventTypes.ClockConfirmed);
        Assert.Equal(SlaMetric.RepairPlan, ((ClockAlert)confirmed.Data).Clock.Metric);
        Assert.False(adopted.Summary.IsProvisional);
        Assert.NotEqual(provisional.Id, confirmed.Id);

        // The 12-hour e-mail response fell due meanwhile: the save publishes its alerts too.
        Assert.Contains(adopted.Events, static e => e.Type == AfterSalesEventTypes.ClockBreached);
    }
}
