using AfterSales.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;

namespace AfterSales.Samples.ContractTests;

/// <summary>
/// A made-up maintenance contract with a hospital: business hours 08:30–17:30 on China's
/// statutory working days; a phone report answered within 30 minutes, any other within 2 hours;
/// on site within 2 business hours for a level-1 fault and 4 for the rest; resolved within
/// 2 working days. Waiting for the customer pauses every clock.
/// </summary>
public static class HospitalContract
{
    public static BusinessCalendar Hours { get; } = ChinaCalendars.Statutory(new LocalTime(8, 30), new LocalTime(17, 30));

    public static SlaPolicy Policy { get; } =
        SlaPolicy.CreateBuilder("hospital-maintenance", 1, "Hospital maintenance contract", SeverityScales.LevelsOneToFour)
            .WithCalendar(Hours)
            .WithWarnings(50, 80)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(30), t => t.ForAllSeverities().ForChannels(ReportChannel.Phone))
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Hours(2), t => t.ForAllSeverities())
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(2), t => t.ForSeverities("1"))
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(4), t => t.ForSeverities("2", "3", "4"))
            .AddTarget(SlaMetric.Resolved, SlaAmount.OfWorkingDays(2), t => t.ForAllSeverities())
            .Build();
}
