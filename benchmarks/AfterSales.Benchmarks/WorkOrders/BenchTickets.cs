using AfterSales.Sla;
using AfterSales.WorkOrders;
using NodaTime;

namespace AfterSales.Benchmarks.WorkOrders;

/// <summary>A report on policy 002's scale, and a clock that moves a minute per reading, so events are a minute apart.</summary>
internal static class BenchTickets
{
    public static TicketReport Report(TicketId id, string tenant) => new()
    {
        Id = id,
        TenantId = tenant,
        Reporter = new TicketReporter { Name = "张伟", Organization = "某市人民医院 信息科", Contact = "138-0000-0000" },
        Channel = ReportChannel.Phone,
        Site = new TicketSite { Location = ServiceSite.Local, Name = "门诊楼", Address = "某市某路 1 号" },
        DeviceSerialNumber = "SN-0001",
        Symptom = "自助机无法打印",
        SeverityCode = "B",
    };
}

internal sealed class BenchClock(Instant start) : IClock
{
    private Instant now = start;

    public Instant GetCurrentInstant() => now += Duration.FromMinutes(1);
}
