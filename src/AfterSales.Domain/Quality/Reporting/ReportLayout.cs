using static AfterSales.Quality.Reporting.ReportText;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// The content of a <see cref="QuarterlyReport"/> as format-neutral blocks, in the order a manager
/// reads it: the summary of targets met and missed first, then the four sections of R-RP-1. Every
/// figure is a number from the report or an explicit "no data" with its reason; the Markdown and
/// HTML renderers say exactly the same things in the same order.
/// </summary>
internal sealed class ReportLayout(ExplanationLanguage? language)
{
    private const int MaxDeviceRows = 20;

    internal enum Tone
    {
        None,
        Good,
        Bad,
        Muted,
    }

    internal abstract record Block;

    internal sealed record Heading(int Level, string Text) : Block;

    internal sealed record Paragraph(string Text) : Block;

    /// <summary>A boxed sentence: a quarter in progress, an empty section, a summary verdict.</summary>
    internal sealed record Notice(string Text, Tone Tone) : Block;

    internal sealed record Bullets(IReadOnlyList<string> Items) : Block;

    internal sealed record Row(IReadOnlyList<string> Cells, Tone Tone = Tone.None);

    internal sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<Row> Rows) : Block;

    internal sealed record Chart(string Svg) : Block;

    /// <summary>The report's blocks, its own text in <paramref name="language"/> (both languages side by side when <see langword="null"/>).</summary>
    public static IReadOnlyList<Block> Build(QuarterlyReport report, ExplanationLanguage? language) => new ReportLayout(language).Blocks(report);

    private List<Block> Blocks(QuarterlyReport report)
    {
        var q = report.Quarter;
        var zone = report.Period.Zone;
        var blocks = new List<Block>
        {
            new Heading(1, report.Title),
            new Paragraph(
                $"{L("客户", "Customer")}: {report.Customer} · {L("统计周期", "Period")}: {report.Period.Label} ({Day(report.Period.Start)} – {Day(report.Period.End)})"
                + $" · {L("数据截至", "As of")}: {Moment(report.AsOf, zone)} ({zone.Id})"),
        };

        if (!q.IsStarted)
        {
            blocks.Add(new Notice(L("本季度尚未开始", "The quarter had not started") + $" ({L("数据截至", "as of")} {Moment(report.AsOf, zone)}): {NoData(NoDataReason.PeriodNotStarted)}.", Tone.Muted));
        }
        else if (q.IsPartial)
        {
            var elapsed = q.MeasuredLength.TotalDays;
            var total = report.Period.Length.TotalDays;
            blocks.Add(new Notice(
                L("本季度尚未结束", "Quarter in progress") + ": "
                + $"{L("统计", "measured over")} {elapsed:0.#} / {total:0} {L("天", "days")} ({Day(report.Period.Start)} 00:00 – {Moment(q.MeasuredUntil, zone)}); "
                + L("可用率等指标只计已过去的部分，截至时间之后不计停机", "availability and every other figure cover the elapsed part only; no time after \"as of\" counts as downtime") + ".",
                Tone.Muted));
        }

        Summary(report, blocks);
        DeviceOperation(report, blocks);
        FaultAnalysis(report, blocks);
        ServiceOverview(report, blocks);

        blocks.Add(new Heading(2, Section(4, "下季度工作计划", "Next quarter's plan")));
        blocks.Add(report.NextQuarterPlan.Count == 0 ? new Notice(NoData(NoDataReason.NotRecorded) + " (" + L("无已登记的巡检计划", "no inspection plan is due") + ").", Tone.Muted) : new Bullets(report.NextQuarterPlan));
        return blocks;
    }

    private void Summary(QuarterlyReport report, List<Block> blocks)
    {
        var q = report.Quarter;
        blocks.Add(new Heading(2, L("摘要", "Summary")));
        var met = q.Comparisons.Count(c => c.IsMet == true);
        var missed = q.Comparisons.Count(c => c.IsMet == false);
        var none = q.Comparisons.Count(c => c.IsMet is null);
        if (q.Comparisons.Count == 0)
        {
            blocks.Add(new Notice(L("合同未约定质量目标", "The contract sets no quality targets") + ".", Tone.Muted));
        }
        else
        {
            blocks.Add(new Notice(
                $"{L("合同指标", "Targets")}: {Number(met)} {L("项达标", "met")} · {Number(missed)} {L("项未达标", "missed")} · {Number(none)} {L("项无数据", "without data")}",
                missed > 0 ? Tone.Bad : met > 0 ? Tone.Good : Tone.Muted));
            blocks.Add(new Table(
                [L("指标", "Indicator"), L("实际", "Actual"), L("目标", "Target"), L("结论", "Verdict")],
                [
                    .. q.Comparisons.Select(c => new Row(
                        [L(c.NameZh, c.NameEn), Percent(c.Actual), "≥ " + Percent(c.Target), c.IsMet is null ? NoData(c.NoDataReason ?? NoDataReason.NotRecorded) : Verdict(c)],
                        c.IsMet switch { true => Tone.Good, false => Tone.Bad, null => Tone.Muted })),
                ]));
        }

        blocks.Add(new Bullets(
        [
            $"{L("故障工单", "Work orders")}: {Number(q.WorkOrderCount)} · {L("重大故障", "major faults")}: {Number(q.MajorFaultCount)}",
            $"{L("平均可用率", "Mean availability")}: {(q.MeanAvailability is { } m ? Percent2(m) : NoData(NoDataReason.NoDevices))} ({Number(report.DeviceCount)} {L("台设备", report.DeviceCount == 1 ? "device" : "devices")})",
            $"{L("故障修复及时率", "On-time rate")}: {(q.OverallOnTime.Rate is { } r ? Percent(r) : NoData(q.NoData("on-time")!.Value))}",
        ]));
    }

    private void DeviceOperation(QuarterlyReport report, List<Block> blocks)
    {
        var q = report.Quarter;
        blocks.Add(new Heading(2, Section(1, "设备运行情况", "Device operation")));
        if (q.NoData("availability") is { } reason)
        {
            blocks.Add(new Notice(NoData(reason) + ".", Tone.Muted));
            return;
        }

        var down = q.Availability.Where(a => a.Downtime > Duration.Zero).OrderBy(a => a.Availability).ThenBy(a => a.DeviceSerial, StringComparer.Ordinal).ToList();
        blocks.Add(new Bullets(
        [
            $"{L("设备数", "Devices")}: {Number(report.DeviceCount)}",
            $"{L("有停机的设备", "Devices with downtime")}: {Number(down.Count)}",
            $"{L("平均可用率", "Mean availability")}: {Percent2(q.MeanAvailability)}" + (report.Targets.Availability is { } t ? $" ({L("目标", "target")} ≥ {Percent2(t)})" : ""),
        ]));
        if (down.Count == 0)
        {
            blocks.Add(new Notice(L("本期所有设备均无停机", "No device had downtime in the period") + ".", Tone.Good));
            return;
        }

        var target = report.Targets.Availability;
        blocks.Add(new Table(
            [L("设备", "Device"), L("停机时间", "Downtime"), L("可用率", "Availability")],
            [.. down.Take(MaxDeviceRows).Select(a => new Row([a.DeviceSerial, Time(a.Downtime), Percent2(a.Availability)], target is { } t && a.Availability < t ? Tone.Bad : Tone.None))]));
        if (down.Count > MaxDeviceRows)
        {
            blocks.Add(new Paragraph($"{L("另有", "And")} {Number(down.Count - MaxDeviceRows)} {L("台有停机的设备，见明细 CSV", "more devices with downtime: see the audit CSV")}."));
        }
    }

    private void FaultAnalysis(QuarterlyReport report, List<Block> blocks)
    {
        var q = report.Quarter;
        blocks.Add(new Heading(2, Section(2, "故障分析及改进措施", "Fault analysis and improvements")));
        blocks.Add(new Bullets(
        [
            $"{L("故障工单", "Work orders")}: {Number(q.WorkOrderCount)}",
            $"{L("重大故障", "Major faults")}: {Number(q.MajorFaultCount)}",
        ]));

        blocks.Add(new Heading(3, L("按月统计", "By month")));
        blocks.Add(new Table(
            [L("月份", "Month"), L("工单", "Work orders"), L("重大故障", "Major"), L("及时率", "On-time")],
            [
                .. report.Months.Select(m => m.IsStarted
                    ? new Row([m.Period.Label + (m.IsPartial ? " (" + L("截至", "to") + " " + Moment(m.MeasuredUntil, m.Period.Zone) + ")" : ""), Number(m.WorkOrderCount), Number(m.MajorFaultCount), m.OverallOnTime.Rate is { } r ? Percent(r) : "—"])
                    : new Row([m.Period.Label, L("未开始", "not started"), "—", "—"], Tone.Muted)),
            ]));
        var target = report.Targets.OnTimeRate;
        if (report.Months.Any(m => m.OverallOnTime.Rate is not null))
        {
            blocks.Add(new Chart(SvgCharts.PercentLine(
                L("故障修复及时率", "On-time rate by month"),
                [.. report.Months.Select(m => (m.Period.Label, m.OverallOnTime.Rate * 100m))],
                target * 100m,
                target is { } t ? $"{L("目标", "target")} ≥ {Percent(t)}" : "")));
        }
        else
        {
            blocks.Add(new Notice(L("及时率图表", "On-time chart") + " — " + NoData(q.NoData("on-time")!.Value) + ".", Tone.Muted));
        }

        blocks.Add(new Heading(3, L("按级别统计", "By severity")));
        if (q.NoData("work-orders") is { } none)
        {
            blocks.Add(new Notice(NoData(none) + ".", Tone.Muted));
        }
        else
        {
            blocks.Add(new Table(
                [L("级别", "Severity"), L("工单", "Work orders"), L("占比", "Share")],
                [.. q.FaultsBySeverity.Select(s => new Row([SeverityName(s.Level), Number(s.Count), Percent((decimal)s.Count / q.WorkOrderCount)]))]));
            blocks.Add(new Chart(SvgCharts.HorizontalBars(
                L("故障级别分布", "Faults by severity"),
                [.. q.FaultsBySeverity.Select(s => (s.Level.NameZh, s.Level.NameEn, s.Count))],
                "#dd6b20")));
        }

        blocks.Add(new Heading(3, L("更换备件", "Top failing part types")));
        if (q.NoData("parts") is { } noParts)
        {
            blocks.Add(new Notice(NoData(noParts) + ".", Tone.Muted));
        }
        else
        {
            blocks.Add(new Table(
                [L("备件类型", "Part type"), L("数量", "Count")],
                [.. q.PartTypes.Take(10).Select(p => new Row([p.PartType, Number(p.Count)]))]));
            blocks.Add(new Chart(SvgCharts.HorizontalBars(
                L("故障备件排行", "Top failing part types"),
                [.. q.PartTypes.Take(10).Select(p => (p.PartType, "", p.Count))],
                "#38a169")));
        }

        blocks.Add(new Heading(3, L("改进措施", "Improvements")));
        blocks.Add(report.Improvements.Count == 0 ? new Notice(NoData(NoDataReason.NotRecorded) + ".", Tone.Muted) : new Bullets(report.Improvements));
    }

    private void ServiceOverview(QuarterlyReport report, List<Block> blocks)
    {
        var q = report.Quarter;
        blocks.Add(new Heading(2, Section(3, "服务总体情况", "Service overview")));

        blocks.Add(new Heading(3, L("时限达成", "SLA on-time rate")));
        if (q.NoData("on-time") is { } noClocks)
        {
            blocks.Add(new Notice(NoData(noClocks) + ".", Tone.Muted));
        }
        else
        {
            var severities = q.FaultsBySeverity.ToDictionary(s => s.Level.Code, s => s.Level, StringComparer.Ordinal);
            var target = report.Targets.OnTimeRate;
            Tone ToneOf(OnTimeFigure f) => target is { } t && f.Rate is { } r ? (r >= t ? Tone.Good : Tone.Bad) : Tone.None;
            blocks.Add(new Table(
                [L("指标", "Metric"), L("级别", "Severity"), L("按时", "Met"), L("超时完成", "Met late"), L("超时未完成", "Breached"), L("及时率", "Rate")],
                [
                    .. q.OnTime.Select(f => new Row(
                        [
                            L(f.MetricNameZh, f.MetricNameEn),
                            f.SeverityCode is { } code ? (severities.TryGetValue(code, out var level) ? SeverityName(level) : code) : L("全部", "all"),
                            Number(f.Met), Number(f.MetLate), Number(f.Breached), Percent(f.Rate),
                        ],
                        Tone.None)),
                    new Row([L(q.OverallOnTime.MetricNameZh, q.OverallOnTime.MetricNameEn), L("全部", "all"), Number(q.OverallOnTime.Met), Number(q.OverallOnTime.MetLate), Number(q.OverallOnTime.Breached), Percent(q.OverallOnTime.Rate)], ToneOf(q.OverallOnTime)),
                ]));
        }

        blocks.Add(new Heading(3, L("平均处理时间", "Mean times from report")));
        if (q.NoData("work-orders") is { } noOrders)
        {
            blocks.Add(new Notice(NoData(noOrders) + ".", Tone.Muted));
        }
        else
        {
            blocks.Add(new Table(
                [L("环节", "Step"), L("工单", "Orders"), L("平均（自然时间）", "Mean (elapsed)"), L("平均（工作时间）", "Mean (business)")],
                [.. q.Durations.Select(d => new Row([L(d.NameZh, d.NameEn), Number(d.Count), Time(d.MeanElapsed), Time(d.MeanBusiness)], d.Count == 0 ? Tone.Muted : Tone.None))]));
        }

        blocks.Add(new Heading(3, L("客户满意度与回访", "Satisfaction and callbacks")));
        blocks.Add(new Table(
            [L("项目", "Item"), L("数量", "Count"), L("结果", "Result")],
            [
                Figure(L("服务满意率（签字评价 4–5 分）", "Satisfaction (sign-off rated 4–5)"), $"{Number(q.SatisfiedCount)} / {Number(q.RatingCount)}", q.SatisfactionRate, q.NoData("satisfaction"), report.Targets.SatisfactionRate),
                .. q.SurveyItems.Select(i => new Row(
                    [L(i.NameZh, i.NameEn) + " (" + L("调查", "survey") + ", 1–5)", Number(i.Answers), i.Mean is { } mean ? Mean(mean) : NoData(q.NoData(i.Code)!.Value)],
                    i.Answers == 0 ? Tone.Muted : Tone.None)),
                Figure(L("保修期内回访", "In-warranty callbacks"), $"{Number(q.CallbacksDone)} / {Number(q.CallbacksDue)}", q.CallbackRate, q.NoData("callback"), report.Targets.CallbackRate),
                Figure(L("备件发货准确", "Correct parts shipments"), $"{Number(q.CorrectShipments)} / {Number(q.ShipmentCount)}", q.ShipmentAccuracy, q.NoData("parts-accuracy"), report.Targets.PartsShipmentAccuracy),
            ]));

        blocks.Add(new Heading(3, L("客户意见和建议", "Customers' suggestions")));
        if (q.Remarks.Count == 0)
        {
            blocks.Add(new Notice(L("本期无客户意见", "No suggestion or comment in the period") + ".", Tone.Muted));
        }
        else
        {
            blocks.Add(new Bullets([.. q.Remarks.Select(r => $"{r.Text} ({r.WorkOrderId}, {Day(r.On)})")]));
            if (q.RemarkCount > q.Remarks.Count)
            {
                blocks.Add(new Paragraph($"{L("另有", "And")} {Number(q.RemarkCount - q.Remarks.Count)} {L("条意见，见明细 CSV", "more: see the audit CSV")}."));
            }
        }
    }

    /// <summary>A numbered section heading as the seed plans number them (一、…); English headings go unnumbered.</summary>
    private string Section(int number, string zh, string en) => L("一二三四五六七八九"[number - 1] + "、" + zh, en);

    private string L(string zh, string en) => ReportText.L(zh, en, language);

    private string Points(decimal gap) => ReportText.Points(gap, language);

    private string SeverityName(AfterSales.Severity.SeverityLevel level) => ReportText.SeverityName(level, language);

    private string Verdict(TargetComparison comparison) => ReportText.Verdict(comparison, language);

    private string NoData(NoDataReason reason) => ReportText.NoData(reason, language);

    private Row Figure(string name, string count, decimal? rate, NoDataReason? reason, decimal? target) =>
        new(
            [name, count, rate is { } r ? Percent(r) + (target is { } t ? $" ({L("目标", "target")} ≥ {Percent(t)})" : "") : NoData(reason ?? NoDataReason.NotRecorded)],
            rate is null ? Tone.Muted : target is { } goal ? (rate >= goal ? Tone.Good : Tone.Bad) : Tone.None);
}
