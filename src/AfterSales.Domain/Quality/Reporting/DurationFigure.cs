namespace AfterSales.Quality.Reporting;

/// <summary>
/// Time from the report to a milestone over the work orders that reached it (平均响应/到场/恢复/修复时间),
/// in elapsed and in business time. Totals are additive over periods; means are not. Immutable.
/// </summary>
public sealed class DurationFigure
{
    internal DurationFigure(string code, string nameZh, string nameEn, int count, Duration totalElapsed, Duration totalBusiness)
    {
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        Count = count;
        TotalElapsed = totalElapsed;
        TotalBusiness = totalBusiness;
    }

    /// <summary>A code: <c>respond</c>, <c>arrive</c>, <c>restore</c> or <c>resolve</c>.</summary>
    public string Code { get; }

    /// <summary>The Chinese name.</summary>
    public string NameZh { get; }

    /// <summary>The English name.</summary>
    public string NameEn { get; }

    /// <summary>Work orders that reached the milestone.</summary>
    public int Count { get; }

    /// <summary>The sum of elapsed times.</summary>
    public Duration TotalElapsed { get; }

    /// <summary>The sum of business times on the figures' calendar.</summary>
    public Duration TotalBusiness { get; }

    /// <summary>The mean elapsed time; null without work orders.</summary>
    public Duration? MeanElapsed => Count == 0 ? null : TotalElapsed / Count;

    /// <summary>The mean business time; null without work orders.</summary>
    public Duration? MeanBusiness => Count == 0 ? null : TotalBusiness / Count;
}
