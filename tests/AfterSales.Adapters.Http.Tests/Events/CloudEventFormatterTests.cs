using System.Text;
using System.Text.Json.Nodes;
using AfterSales.Calendars;
using AfterSales.Events;
using AfterSales.Http.Delivery;
using AfterSales.Http.Json;
using AfterSales.Sla;
using AfterSales.Testing;
using AfterSales.WorkOrders;
using CloudNative.CloudEvents.SystemTextJson;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
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

    /// <summary>The CloudEvents SDK's formatter with the API's JSON options: what the formatter must write like.</summary>
    private static readonly JsonEventFormatter Sdk = new(ApiJson.Options, default);

    /// <summary>The events of a reported ticket: a report's step and the clock alerts of a visit two hours later.</summary>
    private static readonly DomainEvent[] Samples = SampleEvents();

    /// <summary>
    /// The formatter writes, byte for byte, what the CloudEvents SDK's structured mode writes for the same envelope
    /// (<see cref="CloudEventFormatter.ToCloudEvent"/>): any id, tenant (escaped into the source), subject, actor or
    /// none, and instant to the nanosecond, over every payload family a ticket produces; and it refuses what the SDK refuses.
    /// </summary>
    [Property(Arbitrary = new[] { typeof(Envelopes) }, MaxTest = 500)]
    public void Format_WritesWhatTheSdkWrites((DomainEvent Event, bool Twice) input)
    {
        var (e, twice) = input;
        var formatter = new CloudEventFormatter();
        string sdk;
        try
        {
            sdk = Encoding.UTF8.GetString(Sdk.EncodeStructuredModeMessage(CloudEventFormatter.ToCloudEvent(e), out _).Span);
        }
        catch (ArgumentException refused)
        {
            // What the SDK refuses (a control character in a string attribute), the formatter refuses as well.
            Assert.Equal(refused.Message, Assert.Throws<ArgumentException>(() => formatter.Format(e)).Message);
            return;
        }

        Assert.Equal(sdk, formatter.Format(e));
        if (twice)
        {
            // The buffer is reused: a second event on the thread is written afresh.
            Assert.Equal(sdk, formatter.Format(e));
        }
    }

    [Fact]
    public void Format_AnEventLargerThanTheKeptBuffer_IsWrittenWhole_AndTheNextOneToo()
    {
        var sample = Samples[0];
        var large = new DomainEvent(sample.Id, sample.Type, sample.TenantId, new string('s', 100_000), sample.OccurredAt, sample.Data, sample.Actor);
        var formatter = new CloudEventFormatter();

        Assert.Equal(new string('s', 100_000), (string)JsonNode.Parse(formatter.Format(large))!["subject"]!);
        Assert.Equal(sample.Subject, (string)JsonNode.Parse(formatter.Format(sample))!["subject"]!);
    }

    private static DomainEvent[] SampleEvents()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        var ticket = new TicketBuilder(SlaPresets.SystemIntegration002, clock).WithId("WO-S").Report();
        return [
            .. TicketDomainEvents.ForSave(ticket, 0, clock.GetCurrentInstant()).Events,
            .. TicketDomainEvents.ForDeadline(ticket, clock.GetCurrentInstant(), clock.GetCurrentInstant() + Duration.FromHours(2)).Events,
        ];
    }

    private static class Envelopes
    {
        public static Arbitrary<(DomainEvent, bool)> Events()
        {
            var text = ArbMap.Default.GeneratorFor<NonWhiteSpaceString>().Select(static s => s.Get);
            var generator =
                from sample in Gen.Elements(Samples)
                from id in text
                from tenant in text
                from subject in text
                from actor in Gen.OneOf(Gen.Constant<string?>(null), text.Select(static a => (string?)a))
                from ticks in Gen.Choose(0, int.MaxValue)
                from nanos in Gen.Choose(0, 999_999_999)
                from twice in ArbMap.Default.GeneratorFor<bool>()
                let at = Instant.FromUtc(2020, 1, 1, 0, 0) + Duration.FromSeconds(ticks) + Duration.FromNanoseconds(nanos)
                select (new DomainEvent(id, sample.Type, tenant, subject, at, sample.Data, actor), twice);
            return generator.ToArbitrary();
        }
    }

    private static DomainEvent Single(TicketEvaluation evaluation, string type) => Assert.Single(evaluation.Events, e => e.Type == type);

    private static JsonNode Data(DomainEvent e) => JsonNode.Parse(new CloudEventFormatter().Format(e))!["data"]!;
}
