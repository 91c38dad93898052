namespace AfterSales.Quality.Reporting;

/// <summary>
/// The on-time rate of one metric, for one severity or all (故障修复及时率):
/// met / (met + met late + breached). Open and waived clocks do not count. Immutable.
/// </summary>
public sealed class OnTimeFigure
{
    internal OnTimeFigure(string metricCode, string metricNameZh, string metricNameEn, string? severityCode, int met, int metLate, int breached)
    {
        MetricCode = metricCode;
        MetricNameZh = metricNameZh;
        MetricNameEn = metricNameEn;
        SeverityCode = severityCode;
        Met = met;
        MetLate = metLate;
        Breached = breached;
    }

    /// <summary>The metric's code.</summary>
    public string MetricCode { get; }

    /// <summary>The metric's Chinese name.</summary>
    public string MetricNameZh { get; }

    /// <summary>The metric's English name.</summary>
    public string MetricNameEn { get; }

    /// <summary>The severity, or null for all severities.</summary>
    public string? SeverityCode { get; }

    /// <summary>Clocks met on time.</summary>
    public int Met { get; }

    /// <summary>Clocks met late.</summary>
    public int MetLate { get; }

    /// <summary>Clocks breached.</summary>
    public int Breached { get; }

    /// <summary>Clocks that count.</summary>
    public int Total => Met + MetLate + Breached;

    /// <summary>The on-time rate 0–1; null when no clock counts.</summary>
    public decimal? Rate => Total == 0 ? null : (decimal)Met / Total;
}
