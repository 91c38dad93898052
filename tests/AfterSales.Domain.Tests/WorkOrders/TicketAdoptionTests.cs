using AfterSales.Calendars;
using AfterSales.Sla;
using AfterSales.Tests.Support;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.WorkOrders;

/// <summary>Adopting newer calendar and policy versions: explicit events, replayed identically, refused when finished.</summary>
public class TicketAdoptionTests
{
    private static readonly SlaPolicy On5x8 = SlaPresets.SystemIntegration002On(ChinaCalendars.Statutory9To18, "cn-002-5x8");
    private static readonly BusinessCalendar V2 = CalendarPresets.ChinaStatutory9To18
        .WithYear(HolidayYear.Create(2027, [CalendarDay.Holiday(new LocalDate(2027, 1, 1), "元旦")], [], "test data")).WithVersion(2).Calendar;

    private static Ticket Reported(FakeClock clock) =>
        Ticket.Report(Tickets.Report(severity: "C"), SlaTerms.Of(On5x8, [ChinaCalendars.Statutory9To18]), clock);

    [Fact]
    public void AdoptCalendars_NewerVersion_RecordsOneEvent_ThenNothingForTheSameVersion()
    {
        var clock = FakeClock.FromUtc(2026, 12, 28, 1, 0, 0);
        var ticket = Reported(clock);

        clock.AdvanceHours(1);
        var first = ticket.AdoptCalendars([V2]);
        var second = ticket.AdoptCalendars([V2, ChinaCalendars.Statutory9To18]);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(2, ticket.Version);
        Assert.Equal(TicketEventKind.CalendarsAdopted, ticket.Events[^1].Kind);
        Assert.Equal(["cn-statutory-9-18@2"], ticket.CalendarKeys);
        Assert.Equal(2, ticket.Terms.Count);
    }

    [Fact]
    public void FromEvents_WithAdoptions_RebuildsAnIdenticalTicket()
    {
        var clock = FakeClock.FromUtc(2026, 12, 28, 1, 0, 0);
        var ticket = Reported(clock);
        clock.AdvanceHours(1);
        ticket.Acknowledge();
        clock.AdvanceHours(1);
        ticket.AdoptCalendars([V2]);
        var calendars = new Dictionary<string, BusinessCalendar> { [ChinaCalendars.Statutory9To18.Key] = ChinaCalendars.Statutory9To18, [V2.Key] = V2 };

        var rebuilt = Ticket.FromEvents(ticket.Events, _ => On5x8, key => calendars[key], clock);

        TicketAssert.Identical(ticket, rebuilt);
        Assert.Equal(
            ticket.Clocks(Instant.FromUtc(2027, 1, 5, 0, 0)).Select(static c => (c.Status, c.DueAt, c.CalendarKey)),
            rebuilt.Clocks(Instant.FromUtc(2027, 1, 5, 0, 0)).Select(static c => (c.Status, c.DueAt, c.CalendarKey)));
    }

    [Fact]
    public void AdoptCalendars_OnACancelledTicket_IsRefusedAndRecordsNothing()
    {
        var clock = FakeClock.FromUtc(2026, 12, 28, 1, 0, 0);
        var ticket = Reported(clock);
        ticket.Cancel("duplicate");

        var refusal = Assert.Throws<AdoptionRefusedException>(() => ticket.AdoptCalendars([V2]));

        Assert.Equal(TicketState.Cancelled, refusal.State);
        Assert.Equal(2, ticket.Version);
    }

    [Fact]
    public void AdoptPolicy_NotANewerVersionOfTheSameId_IsRejectedNamingPolicy()
    {
        var clock = FakeClock.FromUtc(2026, 12, 28, 1, 0, 0);
        var ticket = Reported(clock);

        Assert.Equal("policy", Assert.Throws<ArgumentException>(() => ticket.AdoptPolicy(On5x8)).ParamName);
        Assert.Equal("policy", Assert.Throws<ArgumentException>(() => ticket.AdoptPolicy(SlaPresets.SystemIntegration002)).ParamName);
        Assert.Equal(1, ticket.Version);
    }

    [Fact]
    public void FromEvents_APolicyKeyTheResolverDoesNotKnow_IsRejectedNamingTheEvent()
    {
        var clock = FakeClock.FromUtc(2026, 12, 28, 1, 0, 0);
        var ticket = Reported(clock);

        var error = Assert.Throws<ArgumentException>(() => Ticket.FromEvents(ticket.Events, SlaPresets.SystemIntegration002, clock));

        Assert.Contains("history[0]", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Regression: a store whose calendar catalog lacks a pinned preset still rebuilds the ticket from its policy's own calendars.</summary>
public class SlaTermsResolverTests
{
    [Fact]
    public async Task RebuildAsync_KeyTheCatalogLacks_ButThePolicyHolds_Resolves()
    {
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
        var ticket = Ticket.Report(Tickets.Report(), SlaTerms.Of(Tickets.Policy, [SlaPresets.TwentyFourSevenBeijing]), clock);
        var bare = new SlaTermsResolver(new InMemorySlaPolicyCatalog([Tickets.Policy]), new InMemoryCalendarCatalog([], clock));

        var rebuilt = await bare.RebuildAsync(ticket.Events, clock);

        Assert.Equal(["24x7-beijing@1"], rebuilt.CalendarKeys);
    }
}
