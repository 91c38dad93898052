using AfterSales.Sla;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Tests.Support;

/// <summary>Builders for work-order tests.</summary>
public static class Tickets
{
    public const string Tenant = "tenant-1";

    /// <summary>Seed 002: classes A–D, phone answered within 15 min, 7-day observation period.</summary>
    public static SlaPolicy Policy => SlaPresets.SystemIntegration002;

    public static TicketReport Report(string id = "WO-1", string severity = "B", ReportChannel channel = ReportChannel.Phone, Instant? faultAt = null) => new()
    {
        Id = TicketId.From(id),
        TenantId = Tenant,
        Reporter = new TicketReporter { Name = "张伟", Organization = "某市人民医院 信息科", Contact = "138-0000-0000" },
        Channel = channel,
        Site = new TicketSite { Location = ServiceSite.Local, Name = "门诊楼", Address = "某市某路 1 号" },
        DeviceSerialNumber = "SN-0001",
        Symptom = "自助机无法打印",
        SeverityCode = severity,
        FaultOccurredAt = faultAt,
    };

    /// <summary>A quote for <paramref name="ticket"/> of one part P-1 at <paramref name="unitPrice"/> (at most CNY 600, the tendered price).</summary>
    public static AfterSales.Entitlements.Quotes.Quote Quote(Ticket ticket, string id = "Q-1", decimal unitPrice = 380m, int quantity = 1) =>
        AfterSales.Entitlements.Quotes.Quote.CreateBuilder(id, ticket.Id.Value, ticket.DeviceSerialNumber,
                AfterSales.Entitlements.Quotes.TenderedPriceList.Empty().With("P-1", AfterSales.Entitlements.Quotes.Money.Cny(600m)).WithId("CT-1").WithVersion(1),
                new LocalDate(2026, 3, 2))
            .AddPart("P-1", "电源 power supply", quantity, AfterSales.Entitlements.Quotes.Money.Cny(Math.Min(unitPrice, 600m)))
            .Build();

    public static Ticket New(FakeClock clock, string id = "WO-1", string severity = "B") =>
        Ticket.Report(Report(id, severity), Policy, clock);

    /// <summary>A ticket driven to <paramref name="state"/> along the main path, a minute per step.</summary>
    public static Ticket In(TicketState state, FakeClock clock)
    {
        var t = New(clock);
        void Step(Action a)
        {
            clock.AdvanceMinutes(1);
            a();
        }

        switch (state)
        {
            case TicketState.Reported:
                return t;
            case TicketState.WaitingForCustomer:
                Step(t.Acknowledge);
                Step(() => t.WaitForCustomer("需要客户提供日志"));
                return t;
            case TicketState.Cancelled:
                Step(() => t.Cancel("重复报障"));
                return t;
        }

        Step(t.Acknowledge);
        if (state == TicketState.Acknowledged)
        {
            return t;
        }

        Step(t.StartRemoteDiagnosis);
        switch (state)
        {
            case TicketState.RemoteDiagnosis:
                return t;
            case TicketState.EscalatedToVendor:
                Step(() => t.EscalateToVendor("远程无法解决"));
                return t;
        }

        Step(() => t.Dispatch("李工"));
        if (state == TicketState.Dispatched)
        {
            return t;
        }

        Step(t.ArriveOnSite);
        if (state == TicketState.OnSite)
        {
            return t;
        }

        Step(t.RestoreService);
        if (state == TicketState.ServiceRestored)
        {
            return t;
        }

        Step(() => t.Resolve("更换打印头"));
        if (state == TicketState.Resolved)
        {
            return t;
        }

        Step(t.StartObservation);
        if (state == TicketState.Observation)
        {
            return t;
        }

        Step(() => t.SignOff("王主任", 5));
        clock.Advance(Policy.ObservationPeriod);
        Step(t.Close);
        return state == TicketState.Closed ? t : throw new ArgumentOutOfRangeException(nameof(state), state, "not a concrete state");
    }
}
