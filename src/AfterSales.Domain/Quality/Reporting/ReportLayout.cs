using static AfterSales.Quality.Reporting.ReportText;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// The content of a <see cref="QuarterlyReport"/> as format-neutral blocks, so that the Markdown
/// and HTML renderers say exactly the same things in the same order.
/// </summary>
internal static class ReportLayout
{
    internal abstract record Block;

    internal sealed record Heading(int Level, string Text) : Block;

    internal sealed record Paragraph(string Text) : Block;

    internal sealed record Bullets(IReadOnlyList<string> Items) : Block;

    internal sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows) : Block;

    internal sealed record Chart(string Svg) : Block;

    /// <summary>The blocks in <paramref name="language"/>; both languages side by side when it is <see langword="null"/>.</summary>
    public static IReadOnlyList<Block> Build(QuarterlyReport report, ExplanationLanguage? language)
    {
        // "故障工单 Work orders" side by side, or one language.
        string L(string zh, string en) => language is null ? zh + " " + en : language.Text(zh, en);

        // "一、设备运行情况 (Device operation)" side by side, or one language.
        string P(string zh, string en) => language is null ? $"{zh} ({en})" : language.Text(zh, en);

        var q = report.Quarter;
        var blocks = new List<Block>
        {
            new Heading(1, report.Title),
            new Paragraph($"{L("客户", "Customer")}: {report.Customer} · {L("统计周期", "Period")}: {report.Period.Label} ({Day(report.Period.Start)} – {Day(report.Period.End)})"),

            new Heading(2, P("一、设备运行情况", "Device operation")),
            new Bullets(
            [
                $"{L("设备数", "Devices")}: {Number(report.DeviceCount)}",
                $"{L("有故障设备", "Devices with downtime")}: {Number(q.Availability.Count(a => a.Downtime > Duration.Zero))}",
                $"{L("平均可用率", "Mean availability")}: {Percent4(q.MeanAvailability)}",
            ]),
            new Table(
                [L("设备", "Device"), L("停机时间", "Downtime"), L("可用率", "Availability")],
                [.. q.Availability.Where(a => a.Downtime > Duration.Zero).Select(a => (IReadOnlyList<string>)[a.DeviceSerial, Time(a.Downtime), Percent4(a.Availability)])]),

            new Heading(2, P("二、故障分析及改进措施", "Fault analysis and improvements")),
            new Bullets(
            [
                $"{L("故障工单", "Work orders")}: {Number(q.WorkOrderCount)}",
                $"{L("重大故障", "Major faults")}: {Number(q.MajorFaultCount)}",
            ]),
            new Heading(3, L("按月统计", "By month")),
            new Table(
                [L("月份", "Month"), L("工单", "Work orders"), L("重大故障", "Major"), L("及时率", "On-time")],
                [.. report.Months.Select(m => (IReadOnlyList<string>)[m.Period.Label, Number(m.WorkOrderCount), Number(m.MajorFaultCount), Percent(m.OverallOnTime.Rate)])]),
            new Chart(SvgCharts.PercentLine(
                L("故障修复及时率", "On-time rate by month"),
                [.. report.Months.Select(m => (m.Period.Label, m.OverallOnTime.Rate * 100m))])),
            new Heading(3, L("按级别统计", "By severity")),
            new Table(
                [L("级别", "Severity"), L("工单", "Work orders")],
                [.. q.FaultsBySeverity.Select(p => (IReadOnlyList<string>)[p.Key, Number(p.Value)])]),
            new Chart(SvgCharts.Bars(
                L("故障级别分布", "Faults by severity"),
                [.. q.FaultsBySeverity.Select(p => (p.Key, p.Value))])),
            new Heading(3, L("更换备件", "Top failing part types")),
            new Table(
                [L("备件类型", "Part type"), L("数量", "Count")],
                [.. q.PartTypes.Take(10).Select(p => (IReadOnlyList<string>)[p.PartType, Number(p.Count)])]),
            new Chart(SvgCharts.HorizontalBars(
                L("故障备件排行", "Top failing part types"),
                [.. q.PartTypes.Take(10).Select(p => (p.PartType, p.Count))])),
            new Heading(3, L("改进措施", "Improvements")),
            new Bullets(report.Improvements.Count == 0 ? ["—"] : report.Improvements),

            new Heading(2, P("三、服务总体情况", "Service overview")),
            new Heading(3, L("时限达成", "SLA on-time rate")),
            new Table(
                [L("指标", "Metric"), L("级别", "Severity"), L("按时", "Met"), L("超时完成", "Met late"), L("超时未完成", "Breached"), L("及时率", "Rate")],
                [
                    .. q.OnTime.Select(f => (IReadOnlyList<string>)[L(f.MetricNameZh, f.MetricNameEn), f.SeverityCode ?? L("全部", "all"), Number(f.Met), Number(f.MetLate), Number(f.Breached), Percent(f.Rate)]),
                    [L(q.OverallOnTime.MetricNameZh, q.OverallOnTime.MetricNameEn), L("全部", "all"), Number(q.OverallOnTime.Met), Number(q.OverallOnTime.MetLate), Number(q.OverallOnTime.Breached), Percent(q.OverallOnTime.Rate)],
                ]),
            new Heading(3, L("平均处理时间", "Mean times from report")),
            new Table(
                [L("环节", "Step"), L("工单", "Orders"), L("平均(自然时间)", "Mean (elapsed)"), L("平均(工作时间)", "Mean (business)")],
                [.. q.Durations.Select(d => (IReadOnlyList<string>)[L(d.NameZh, d.NameEn), Number(d.Count), Time(d.MeanElapsed), Time(d.MeanBusiness)])]),
            new Heading(3, L("客户满意度与回访", "Satisfaction and callbacks")),
            new Bullets(
            [
                $"{L("满意度调查", "Surveys")}: {Number(q.SurveyCount)}, {L("满意", "satisfied")}: {Number(q.SatisfiedCount)} ({Percent(q.SatisfactionRate)})",
                $"{L("技术水平", "Skill")}: {Score(q.SkillScoreTotal, q.SurveyCount)} · {L("服务态度", "Attitude")}: {Score(q.AttitudeScoreTotal, q.SurveyCount)} · {L("及时性", "Timeliness")}: {Score(q.TimelinessScoreTotal, q.SurveyCount)} (1–5)",
                $"{L("保修期内回访", "In-warranty callbacks")}: {Number(q.CallbacksDone)} / {Number(q.CallbacksDue)} ({Percent(q.CallbackRate)})",
                $"{L("备件发货", "Parts shipments")}: {Number(q.CorrectShipments)} / {Number(q.ShipmentCount)} {(language is { IsChinese: true } ? "正确" : "correct")} ({Percent(q.ShipmentAccuracy)})",
            ]),
            new Heading(3, L("合同指标对比", "Against the contract's targets")),
            new Table(
                [L("指标", "Indicator"), L("实际", "Actual"), L("目标", "Target"), L("结论", "Verdict")],
                [.. q.Comparisons.Select(c => (IReadOnlyList<string>)[L(c.NameZh, c.NameEn), Percent(c.Actual), "≥ " + Percent(c.Target), Verdict(c.IsMet, language)])]),
        };

        if (q.Suggestions.Count > 0)
        {
            blocks.Add(new Heading(3, L("客户意见和建议", "Customers' suggestions")));
            blocks.Add(new Bullets(q.Suggestions));
        }

        blocks.Add(new Heading(2, P("四、下季度工作计划", "Next quarter's plan")));
        blocks.Add(new Bullets(report.NextQuarterPlan.Count == 0 ? ["—"] : report.NextQuarterPlan));
        return blocks;
    }
}
