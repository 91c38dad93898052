using AfterSales.Calendars;
using AfterSales.People;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using NodaTime;
using NodaTime.Testing;

namespace AfterSales.Docs.Snippets;

/// <summary>docs/work-orders.md</summary>
public class WorkOrdersSnippets
{
    [Fact]
    public void ReportAndWork()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        var ticket = Ticket.Report(new TicketReport
        {
            Id = TicketId.From("WO-1"),
            TenantId = "hospital",
            Reporter = new TicketReporter { Name = "张伟", Organization = "某市人民医院 信息科", Contact = "138-0000-0000" },
            Channel = ReportChannel.Phone,
            Site = new TicketSite { Location = ServiceSite.Local, Name = "门诊楼", Address = "某市某路 1 号" },
            DeviceSerialNumber = "SN-0001",
            Symptom = "自助机无法打印",
            SeverityCode = "2",
        }, SlaPresets.EnterpriseSystems003, clock);

        clock.AdvanceMinutes(10);
        ticket.Acknowledge();
        clock.AdvanceMinutes(20);
        ticket.StartRemoteDiagnosis();
        if (ticket.CanDispatch())
        {
            ticket.Dispatch("李工");
        }

        var clocks = ticket.Clocks(clock.GetCurrentInstant());

        Assert.Equal(TicketState.Dispatched, ticket.State);
        Assert.Contains(clocks, c => c.Metric == SlaMetric.FirstResponse && c.Status == SlaClockStatus.Met);
    }

    [Fact]
    public void DispatchOnDuty()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        var ticket = Ticket.Report(new TicketReport
        {
            Id = TicketId.From("WO-1"),
            TenantId = "hospital",
            Reporter = new TicketReporter { Name = "张伟", Organization = "某市人民医院 信息科", Contact = "138-0000-0000" },
            Channel = ReportChannel.Phone,
            Site = new TicketSite { Location = ServiceSite.Local, Name = "门诊楼", Address = "某市某路 1 号" },
            DeviceSerialNumber = "SN-0001",
            Symptom = "自助机无法打印",
            SeverityCode = "2",
        }, SlaPresets.EnterpriseSystems003, clock);
        ticket.Acknowledge();
        ticket.StartRemoteDiagnosis();

        var rota = DutyRota.Create("SH-01", ChinaCalendars.BeijingTime,
        [
            new DutyShift { EngineerId = "E-1", Start = new LocalDateTime(2026, 3, 2, 9, 0), End = new LocalDateTime(2026, 3, 2, 17, 0) },
            new DutyShift { EngineerId = "E-2", Start = new LocalDateTime(2026, 3, 2, 17, 0), End = new LocalDateTime(2026, 3, 3, 1, 0) },
        ]);
        var onDuty = rota.OnDutyAt(Instant.FromUtc(2026, 3, 2, 2, 0)); // 10:00 Beijing: ["E-1"]
        var li = Engineer.Create("E-2", "韩梅梅", "SH-01", "138-0000-0002", ["cctv"]);
        ticket.Dispatch(li, rota, overrideReason: "E-1 在另一现场");

        Assert.Equal(["E-1"], onDuty);
        Assert.Equal(("E-2", "E-1 在另一现场"), (ticket.Events[^1].Engineer, ticket.Events[^1].Reason));
    }
}
