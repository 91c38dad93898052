namespace AfterSales.Quality.Reporting;

/// <summary>A figure against the contract's target (指标对比). Immutable.</summary>
public sealed class TargetComparison
{
    internal TargetComparison(string code, string nameZh, string nameEn, decimal? actual, decimal target, NoDataReason? noDataReason)
    {
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        Actual = actual;
        Target = target;
        NoDataReason = actual is null ? noDataReason : null;
    }

    /// <summary>A code, e.g. <c>satisfaction</c>.</summary>
    public string Code { get; }

    /// <summary>The Chinese name.</summary>
    public string NameZh { get; }

    /// <summary>The English name.</summary>
    public string NameEn { get; }

    /// <summary>The actual ratio; null when nothing was measured.</summary>
    public decimal? Actual { get; }

    /// <summary>The target ratio (at least).</summary>
    public decimal Target { get; }

    /// <summary>Whether the target is met; null when nothing was measured.</summary>
    public bool? IsMet => Actual is { } a ? a >= Target : null;

    /// <summary>Actual − target: negative when missed; null when nothing was measured.</summary>
    public decimal? Gap => Actual - Target;

    /// <summary>Why nothing was measured, when <see cref="Actual"/> is null.</summary>
    public NoDataReason? NoDataReason { get; }
}
