using AfterSales.Sla;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// The period's paused time for one metric and one pause reason (暂停时长按原因): the business time its
/// clocks did not count while work waited for the customer, the manufacturer's parts, site access …
/// Per metric, so one pause that stopped several targets is not added up twice.
/// </summary>
/// <param name="MetricCode">The metric's code.</param>
/// <param name="Reason">The pause reason.</param>
/// <param name="BusinessTime">The paused business time summed over the period's work orders.</param>
/// <param name="Clocks">How many clocks paused for the reason.</param>
public sealed record PausedTimeFigure(string MetricCode, PauseReason Reason, Duration BusinessTime, int Clocks);
