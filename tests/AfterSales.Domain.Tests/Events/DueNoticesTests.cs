using AfterSales.Entitlements.Warranty;
using AfterSales.Events;
using AfterSales.Sla;
using AfterSales.Testing;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.Events;

/// <summary>Worked examples of the due notices saves schedule, move and withdraw (a loan's return-by, a warranty's pre-expiry window).</summary>
public class DueNoticesTests
{
    private static readonly Instant Reported = Instant.FromUtc(2026, 3, 2, 1, 0);

    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static readonly WarrantyPolicy Kiosk = WarrantyPresets.All.Single(static p => p.Code == "cn-000-kiosk");

    [Fact]
    public void ForTicketSave_R_SP_5_ALoanWithReturnBy_SchedulesOverdueAtIt_ItsReturnWithdrawsIt()
    {
        var clock = new FakeClock(Reported);
        var ticket = new TicketBuilder(SlaPresets.SystemIntegration002, clock).WithId("WO-1").WithTenant("acme").WithSeverity("A").Report();
        var returnBy = Reported + Duration.FromDays(7);
        ticket.ProvideLoaner(new TicketLoaner { UnitSerialNumber = "LN-1", PartNumber = "LOANER-1", ReturnBy = returnBy });

        var lent = Assert.Single(DueNotices.ForTicketSave(ticket, 1));
        Assert.Equal((AfterSalesEventTypes.LoanerOverdue, "tickets/WO-1/loaners/LN-1", "acme"), (lent.Type, lent.Subject, lent.TenantId));
        var e = lent.Event!;
        Assert.Equal((returnBy, AfterSalesEventTypes.LoanerOverdue, "tickets/WO-1/loaners/LN-1"), (e.OccurredAt, e.Type, e.Subject));
        var data = Assert.IsType<LoanerOverdue>(e.Data);
        Assert.Equal(("WO-1", "LN-1", Reported, 2), (data.WorkOrderId.Value, data.Loaner.UnitSerialNumber, data.ProvidedAt, data.Version));

        clock.Advance(Duration.FromDays(1));
        ticket.ReturnLoaner("LN-1");
        var back = Assert.Single(DueNotices.ForTicketSave(ticket, 2));
        Assert.Equal(("tickets/WO-1/loaners/LN-1", null), (back.Subject, back.Event));

        // Lent and returned in one save: only the return counts. A lent again: a new event id (another fact).
        Assert.Null(Assert.Single(DueNotices.ForTicketSave(ticket, 1)).Event);
        ticket.ProvideLoaner(new TicketLoaner { UnitSerialNumber = "LN-1", PartNumber = "LOANER-1", ReturnBy = returnBy });
        Assert.NotEqual(e.Id, Assert.Single(DueNotices.ForTicketSave(ticket, 3)).Event!.Id);

        // Saves that touch no loan, and loans without a return-by, schedule nothing.
        Assert.Empty(DueNotices.ForTicketSave(ticket, 4));
        ticket.ProvideLoaner(new TicketLoaner { UnitSerialNumber = "LN-2", PartNumber = "LOANER-1" });
        Assert.Empty(DueNotices.ForTicketSave(ticket, 4));
    }

    [Fact]
    public void ProvideLoaner_R_SP_5_ReturnByNotAfterTheLoan_RejectedNamingReturnBy_NothingRecorded()
    {
        var clock = new FakeClock(Reported);
        var ticket = new TicketBuilder(SlaPresets.SystemIntegration002, clock).WithSeverity("A").Report();
        var error = Assert.Throws<ArgumentException>(() => ticket.ProvideLoaner(new TicketLoaner { UnitSerialNumber = "LN-1", PartNumber = "P", ReturnBy = Reported }));
        Assert.Equal("returnBy", error.ParamName);
        Assert.Equal(1, ticket.Version);
    }

    [Fact]
    public void ForDevice_R_IN_2_ExpiringTheLeadBeforeTheEnd_AtStartOfDayInThePolicysZone()
    {
        // Hardware for a year from acceptance on 2025-07-01: the last covered day is 2026-06-30.
        var device = DeviceRecord.Create("SN-1", ComponentClass.Hardware, new LocalDate(2025, 7, 1), null, null);
        var notice = DueNotices.ForDevice("acme", device, Kiosk, Period.FromMonths(3), Reported);

        var e = notice.Event!;
        Assert.Equal((AfterSalesEventTypes.WarrantyExpiring, "devices/SN-1/warranty"), (e.Type, e.Subject));
        Assert.Equal(new LocalDate(2026, 4, 1).AtStartOfDayInZone(Beijing).ToInstant(), e.OccurredAt);
        var data = Assert.IsType<WarrantyExpiring>(e.Data);
        Assert.Equal(("cn-000-kiosk", new LocalDate(2025, 7, 1), new LocalDate(2026, 6, 30)), (data.WarrantyPolicyCode, data.StartsOn, data.LastCoveredDay));
        Assert.Equal(new LocalDate(2026, 7, 1).AtStartOfDayInZone(Beijing).ToInstant(), data.EndsAt);

        // The same device saved again: the same event (kept once); a 30-day lead moves it, and is another event.
        Assert.Equal(e.Id, DueNotices.ForDevice("acme", device, Kiosk, Period.FromMonths(3), Reported).Event!.Id);
        var sooner = DueNotices.ForDevice("acme", device, Kiosk, Period.FromDays(30), Reported).Event!;
        Assert.Equal(new LocalDate(2026, 6, 1).AtStartOfDayInZone(Beijing).ToInstant(), sooner.OccurredAt);
        Assert.NotEqual(e.Id, sooner.Id);
    }

    [Fact]
    public void ForDevice_R_IN_2_NoPolicy_NoTermForTheComponent_OrAlreadyEnded_Withdrawn()
    {
        var device = DeviceRecord.Create("SN-1", ComponentClass.Hardware, new LocalDate(2025, 7, 1), null, null);
        Assert.Null(DueNotices.ForDevice("acme", device, null, Period.FromMonths(3), Reported).Event);
        var solar = WarrantyPresets.All.Single(static p => p.Code == "cn-001-solar");
        Assert.Null(DueNotices.ForDevice("acme", device, solar, Period.FromMonths(3), Reported).Event);

        // Ends at 2026-07-01 00:00 Beijing: scheduled (if late) until then, withdrawn from then on.
        var end = new LocalDate(2026, 7, 1).AtStartOfDayInZone(Beijing).ToInstant();
        Assert.NotNull(DueNotices.ForDevice("acme", device, Kiosk, Period.FromMonths(3), end - Duration.FromTicks(1)).Event);
        var ended = DueNotices.ForDevice("acme", device, Kiosk, Period.FromMonths(3), end);
        Assert.Equal(("devices/SN-1/warranty", null), (ended.Subject, ended.Event));
    }
}
