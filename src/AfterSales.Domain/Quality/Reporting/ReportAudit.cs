using System.Globalization;
using System.Text;
using AfterSales.Sla;
using NodaTime.Text;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// The audit CSV of a quarterly report (报表明细): one row per work order behind a figure, with one
/// column per figure it feeds, counted by the same <see cref="FiguresAccumulator"/> rules, so each
/// figure can be re-added from the rows: work orders = Σ reported_in_period (0 for a report
/// cancelled as a duplicate or invalid: no fault of its own); on-time rate = Σ
/// clocks_met / Σ (clocks_met + clocks_met_late + clocks_breached) over those rows; satisfaction =
/// Σ ratings_satisfied / Σ ratings; callback rate = Σ callback_done / Σ callback_due; parts accuracy
/// = Σ shipments_correct / Σ shipments. A device's downtime is the union of its rows' down
/// intervals: overlapping orders of one device are counted once there, so it can be less than
/// the sum of downtime_minutes.
/// </summary>
/// <remarks>RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted; text that a
/// spreadsheet would run as a formula (leading =, +, -, @) is prefixed with an apostrophe.</remarks>
internal static class ReportAudit
{
    public const string Header =
        "work_order_id,device_serial,severity_code,severity_zh,severity_en,major_fault,engineer,in_warranty,reported_at,reported_in_period,month,"
        + "responded_at,arrived_at,restored_at,resolved_at,clocks_met,clocks_met_late,clocks_breached,clocks_open,clock_detail,"
        + "downtime_minutes,parts_replaced,part_types,ratings,ratings_satisfied,surveys,survey_skill,survey_attitude,survey_timeliness,"
        + "callback_due,callback_done,shipments,shipments_correct";

    // Compiled once: a pattern text given to ToString is looked up again on every call, for every row.
    private static readonly LocalDateTimePattern Minute = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");
    private static readonly LocalDatePattern Month = LocalDatePattern.CreateWithInvariantCulture("uuuu'-'MM");

    public static string Row(FiguresAccumulator quarter, WorkOrderFacts facts)
    {
        var o = facts.Summary;
        var zone = quarter.Period.Zone;
        var counted = quarter.Counts(o);
        int met = 0, late = 0, breached = 0, open = 0;
        var detail = new StringBuilder();
        foreach (var clock in o.Clocks)
        {
            switch (clock.Status)
            {
                case SlaClockStatus.Met:
                    met++;
                    break;
                case SlaClockStatus.MetLate:
                    late++;
                    break;
                case SlaClockStatus.Breached:
                    breached++;
                    break;
                default:
                    open++;
                    break;
            }

            detail.Append(detail.Length == 0 ? "" : "; ").Append(clock.Metric.Code).Append('#').Append(clock.Cycle.ToString(CultureInfo.InvariantCulture)).Append('=').Append(clock.Status);
        }

        var start = quarter.Period.StartInstant;
        var end = quarter.End;
        var down = Duration.Zero;
        foreach (var interval in o.Downtime)
        {
            var from = interval.HasStart && interval.Start > start ? interval.Start : start;
            var to = interval.HasEnd && interval.End < end ? interval.End : end;
            if (from < to)
            {
                down += to - from;
            }
        }

        var ratings = facts.Ratings.Where(r => quarter.Counts(r.RatedOn)).ToList();
        var surveys = facts.Surveys.Where(s => quarter.Counts(s.AnsweredOn)).ToList();
        var callbackDue = facts.Callback is { InWarranty: true } c && quarter.Counts(c.DueOn);
        var shipments = facts.Shipments.Where(s => quarter.Counts(s.ShippedOn)).ToList();
        string Local(Instant? at) => at is { } i ? Minute.Format(i.InZone(zone).LocalDateTime) : "";
        string Items(Func<SatisfactionSurvey, int?> item) => string.Join('|', surveys.Select(s => item(s)?.ToString(CultureInfo.InvariantCulture) ?? ""));

        string[] fields =
        [
            Text(o.Id), Text(o.DeviceSerial), Text(o.SeverityCode), Text(o.Severity.NameZh), Text(o.Severity.NameEn), Flag(o.IsMajorFault),
            Text(o.Engineer ?? ""), Flag(o.InWarranty), Local(o.ReportedAt), Flag(counted),
            counted ? Month.Format(o.ReportedAt.InZone(zone).Date) : "",
            Local(o.RespondedAt), Local(o.ArrivedAt), Local(o.RestoredAt), Local(o.ResolvedAt),
            Number(counted ? met : 0), Number(counted ? late : 0), Number(counted ? breached : 0), Number(counted ? open : 0), Text(detail.ToString()),
            ((long)Math.Round(down.TotalMinutes)).ToString(CultureInfo.InvariantCulture),
            Number(counted ? o.PartTypesUsed.Count : 0), Text(counted ? string.Join('|', o.PartTypesUsed) : ""),
            Number(ratings.Count), Number(ratings.Count(r => r.IsSatisfied)),
            Number(surveys.Count), Items(s => s.Skill), Items(s => s.Attitude), Items(s => s.Timeliness),
            Flag(callbackDue), Flag(callbackDue && facts.Callback!.Done),
            Number(shipments.Count), Number(shipments.Count(s => s.Correct)),
        ];
        return string.Join(',', fields.Select(Quote));
    }

    private static string Flag(bool value) => value ? "1" : "0";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Client-supplied text: a leading formula character is neutralised with an apostrophe (CSV injection).</summary>
    private static string Text(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
