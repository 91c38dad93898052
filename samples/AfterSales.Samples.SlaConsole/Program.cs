// A walk through one seed plan: the enterprise-systems plan (seed 003) and the kiosk hardware table
// (seed 000). A few realistic tickets are run through their SLA policies and every clock is printed
// with its explanation. Instants are fixed so the output is the same on every run.
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using NodaTime;
using NodaTime.Text;

var beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
var pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");
Instant Bj(string local) => pattern.Parse(local).Value.InZoneStrictly(beijing).ToInstant();

var tickets = new (string Title, SlaPolicy Policy, TicketTimeline Timeline, Instant Now)[]
{
    ("WO-1: level-1 outage at a local customer, phoned in; remote diagnosis fails, engineer on site in time",
        SlaPresets.EnterpriseSystems003,
        TicketTimeline.Open(Bj("2026-03-02 10:00"), "1", ReportChannel.Phone, ServiceSite.Local)
            .Reached(Milestone.Responded, Bj("2026-03-02 10:12"))
            .Reached(Milestone.ArrivedOnSite, Bj("2026-03-02 11:40")),
        Bj("2026-03-02 12:00")),

    ("WO-2: level-3 fault by e-mail from a non-local site; waiting for the customer's access for 2 h 10 min; then reclassified to level 2",
        SlaPresets.EnterpriseSystems003,
        TicketTimeline.Open(Bj("2026-03-02 14:00"), "3", ReportChannel.Email, ServiceSite.NonLocal)
            .Reached(Milestone.Responded, Bj("2026-03-02 14:45"))
            .Paused(Bj("2026-03-02 15:00"), "customer's machine room closed")
            .Resumed(Bj("2026-03-02 17:10"))
            .Reclassified("2", Bj("2026-03-02 17:30")),
        Bj("2026-03-02 18:00")),

    ("WO-3: kiosk terminal fault reported the day before National Day; repaired within 2 working days",
        SlaPresets.KioskHardware000,
        TicketTimeline.Open(Bj("2026-09-30 16:00"), "single", ReportChannel.Phone, ServiceSite.Local)
            .Reached(Milestone.RepairPlanDelivered, Bj("2026-09-30 20:30")),
        Bj("2026-10-08 10:00")),

    ("WO-4: CCTV camera down since 08:00, reported at 09:00; not restored within 5 h, so a loaner is owed",
        SlaPresets.Cctv004,
        TicketTimeline.Open(Bj("2026-03-02 09:00"), "fault", ReportChannel.Phone, ServiceSite.Local, faultOccurredAt: Bj("2026-03-02 08:00"))
            .Reached(Milestone.ArrivedOnSite, Bj("2026-03-02 11:30")),
        Bj("2026-03-02 16:30")),
};

foreach (var (title, policy, timeline, now) in tickets)
{
    Console.WriteLine($"== {title}");
    Console.WriteLine($"   policy {policy.Key} — {policy.Name}; evaluated at {pattern.Format(now.InZone(beijing).LocalDateTime)} Beijing time");
    foreach (var clock in SlaEvaluator.Evaluate(policy, timeline, now))
    {
        var cycle = clock.Cycle > 1 ? $" (cycle {clock.Cycle})" : "";
        Console.WriteLine($"   [{clock.Status,-10}] {clock.Metric} {clock.Metric.NameZh}{cycle}");
        foreach (var line in clock.Explanation)
        {
            Console.WriteLine($"                {line}");
        }
    }

    Console.WriteLine();
}
