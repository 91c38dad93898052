using System.Globalization;
using AfterSales.Calendars;
using AfterSales.Quality.Reporting;
using static AfterSales.Tests.Sla.Times;

namespace AfterSales.Tests.Quality;

/// <summary>The audit CSV: every figure of the report is re-added from its rows.</summary>
public class QuarterlyReportAuditTests
{
    private static (QuarterlyReport Report, List<Dictionary<string, string>> Rows, string Header) SampleWithAudit()
    {
        var builder = new QuarterlyReportBuilder(2026, 1, Shanghai, SampleQuarter.End, ChinaCalendars.Statutory9To18, QualityTargets.Seed001.With(0.95m, 0.99m));
        var lines = new List<string>();
        foreach (var order in SampleQuarter.WorkOrders)
        {
            var id = order.Id;
            var facts = new WorkOrderFacts(
                order,
                SampleQuarter.Ratings.Where(r => r.WorkOrderId == id),
                SampleQuarter.Callbacks.SingleOrDefault(c => c.WorkOrderId == id),
                SampleQuarter.Surveys.Where(s => s.WorkOrderId == id),
                SampleQuarter.Shipments.Where(s => s.WorkOrderId == id));
            builder.Add(facts);
            lines.Add(builder.AuditRow(facts));
        }

        var header = QuarterlyReportBuilder.AuditHeader.Split(',');
        var rows = lines.Select(l => Csv(l).Select((v, i) => (header[i], v)).ToDictionary(p => p.Item1, p => p.v)).ToList();
        return (builder.Build("t", "c", [], []), rows, QuarterlyReportBuilder.AuditHeader);
    }

    private static List<string> Csv(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    private static int Sum(List<Dictionary<string, string>> rows, string column) => rows.Sum(r => int.Parse(r[column], CultureInfo.InvariantCulture));

    [Fact]
    public void AuditRows_SampleQuarter_EveryFigureIsASumOfColumns_RRP1()
    {
        var (report, rows, header) = SampleWithAudit();
        var q = report.Quarter;

        Assert.All(rows, r => Assert.Equal(header.Split(',').Length, r.Count));
        Assert.Equal(q.WorkOrderCount, Sum(rows, "reported_in_period"));
        Assert.Equal(q.MajorFaultCount, rows.Count(r => r["reported_in_period"] == "1" && r["major_fault"] == "1"));
        Assert.Equal(q.OverallOnTime.Met, Sum(rows, "clocks_met"));
        Assert.Equal(q.OverallOnTime.MetLate, Sum(rows, "clocks_met_late"));
        Assert.Equal(q.OverallOnTime.Breached, Sum(rows, "clocks_breached"));
        Assert.Equal(q.RatingCount, Sum(rows, "ratings"));
        Assert.Equal(q.SatisfiedCount, Sum(rows, "ratings_satisfied"));
        Assert.Equal(q.SurveyCount, Sum(rows, "surveys"));
        Assert.Equal(q.SurveyItems.Single(i => i.Code == "skill").ScoreTotal, rows.Where(r => r["survey_skill"].Length > 0).Sum(r => int.Parse(r["survey_skill"], CultureInfo.InvariantCulture)));
        Assert.Equal(q.CallbacksDue, Sum(rows, "callback_due"));
        Assert.Equal(q.CallbacksDone, Sum(rows, "callback_done"));
        Assert.Equal(q.ShipmentCount, Sum(rows, "shipments"));
        Assert.Equal(q.CorrectShipments, Sum(rows, "shipments_correct"));
        Assert.Equal(q.PartTypes.Sum(p => p.Count), Sum(rows, "parts_replaced"));
        Assert.Equal("系统瘫痪", rows.Single(r => r["work_order_id"] == "WO-2603")["severity_zh"]);

        // No two orders of one device overlap in the sample, so each device's downtime is its rows' sum.
        foreach (var device in q.Availability)
        {
            Assert.Equal((long)device.Downtime.TotalMinutes, rows.Where(r => r["device_serial"] == device.DeviceSerial).Sum(r => long.Parse(r["downtime_minutes"], CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void AuditRow_TextLookingLikeAFormulaOrWithCommas_IsNeutralisedAndQuoted()
    {
        var order = SampleQuarter.Order("=HYPERLINK(\"x\",\"y\")", "K-1, \"north\"", "down", "2026-03-02 10:00", 5, 60, 120, 180);
        var builder = new QuarterlyReportBuilder(2026, 1, Shanghai, SampleQuarter.End, ChinaCalendars.Statutory9To18, QualityTargets.Seed001);

        var fields = Csv(builder.AuditRow(new WorkOrderFacts(order, [], null, [], [])));

        Assert.Equal("'=HYPERLINK(\"x\",\"y\")", fields[0]);
        Assert.Equal("K-1, \"north\"", fields[1]);
    }
}
