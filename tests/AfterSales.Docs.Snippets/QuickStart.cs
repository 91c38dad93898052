// README.md's quick start, verbatim (```csharp quickstart). The packaging test runs the same text
// against the packed packages.
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using NodaTime;

var reported = Instant.FromUtc(2026, 3, 2, 2, 0); // 10:00 Beijing time
var timeline = TicketTimeline.Open(reported, "1", ReportChannel.Phone, ServiceSite.Local)
    .Reached(Milestone.Responded, reported + Duration.FromMinutes(12));
foreach (var clock in SlaEvaluator.Evaluate(SlaPresets.EnterpriseSystems003, timeline, reported + Duration.FromHours(1)))
    Console.WriteLine($"{clock.Metric}: {clock.Status}, due {clock.DueAt}\n  " + string.Join("\n  ", clock.Explanation));
