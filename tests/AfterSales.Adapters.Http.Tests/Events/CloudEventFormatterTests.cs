using System.Text.Json.Nodes;
using AfterSales.Calendars;
using AfterSales.Events;
using AfterSales.Http.Delivery;
using AfterSales.Sla;
using AfterSales.Testing;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Http.Tests.Events;

/// <summary>The wire shape of clock alerts: every kind of threshold says which it is in <c>data.threshold</c>.</summary>
public sealed class CloudEventFormatterTests
{
    private static readonly SlaPolicy Seed002On5x8 = SlaPresets.SystemIntegration002On(ChinaCalendars.Statutory9To18, "cn-002-system-integration-5x8");

    [Fact]
    public void Format_ProvisionalAndConfirmedClocks_ThresholdNamesTheirKind_NotMetLate()
    {
        // R-SLA-7: a class C e-mail on 5×8 reported on 2026-12-20 counts its repair plan into 2027, which has no data yet.
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 20, 2, 0));
        var ticket = Ticket.Report(new TicketBuilder(Seed002On5x8, clock).WithChannel(ReportChannel.Email).WithSeverity("C").WithId("WO-9").Draft, Seed002On5x8, clock);
        var provisional = Data(Single(TicketDomainEvents.ForSave(ticket, 0, clock.GetCurrentInstant()), AfterSalesEventTypes.ClockProvisional));
        Assert.Equal("provisional", (string)provisional["threshold"]!);
        Assert.Equal("repair-plan", (string)provisional["metric"]!);
        Assert.True((bool)provisional["clock"]!["provisional"]!);

        clock.Advance(Duration.FromDays(3));
        var year2027 = HolidayYear.Create(2027, [CalendarDay.Holiday(new LocalDate(2027, 1, 4), "test holiday")], []);
        Assert.True(ticket.AdoptCalendars([CalendarPresets.ChinaStatutory9To18.WithYear(year2027).WithVersion(2).Calendar]));
        var saved = TicketDomainEvents.ForSave(ticket, 1, clock.GetCurrentInstant());
        var confirmed = Data(Single(saved, AfterSalesEventTypes.ClockConfirmed));
        Assert.Equal("confirmed", (string)confirmed["threshold"]!);
        Assert.False((bool)confirmed["clock"]!["provisional"]!);
        Assert.Equal("breach", (string)Data(Single(saved, AfterSalesEventTypes.ClockBreached))["threshold"]!);
    }

    [Fact]
    public void Format_R_CP_5_EscalationLevel_ThresholdEscalation_NamesTheLevelAndWhoItGoesTo()
    {
        var policy = SlaPolicy.CreateBuilder("escalating", 1, "escalating", Severity.SeverityScales.SingleLevel)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(30), static t => t.ForAllSeverities().EscalateAt(
                SlaEscalationLevel.After("leadership", Duration.FromHours(1), EscalationCounting.ElapsedTime, "customer-decision-maker", "vendor-decision-maker")))
            .Build();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        var ticket = new TicketBuilder(policy, clock).WithId("WO-E").Report();
        var visit = TicketDomainEvents.ForDeadline(ticket, clock.GetCurrentInstant(), clock.GetCurrentInstant() + Duration.FromHours(2));
        var escalated = Single(visit, AfterSalesEventTypes.ClockEscalated);
        var data = Data(escalated);
        Assert.Equal("escalation", (string)data["threshold"]!);
        Assert.Equal("leadership", (string)data["level"]!);
        Assert.Equal(["customer-decision-maker", "vendor-decision-maker"], data["notify"]!.AsArray().Select(static n => (string)n!));
        Assert.Equal("2026-03-02T03:30:00Z", (string)data["at"]!);
        Assert.Equal("2026-03-02T03:30:00Z", (string)JsonNode.Parse(new CloudEventFormatter().Format(escalated))!["time"]!);

        // The other thresholds carry no level.
        Assert.Null(Data(Single(visit, AfterSalesEventTypes.ClockBreached))["level"]);
    }

    private static DomainEvent Single(TicketEvaluation evaluation, string type) => Assert.Single(evaluation.Events, e => e.Type == type);

    private static JsonNode Data(DomainEvent e) => JsonNode.Parse(new CloudEventFormatter().Format(e))!["data"]!;
}
