using AfterSales.Severity;

namespace AfterSales.Quality.Reporting;

/// <summary>How many work orders of a period had one severity level (按级别统计). Immutable.</summary>
public sealed class SeverityCount
{
    internal SeverityCount(SeverityLevel level, int count)
    {
        Level = level;
        Count = count;
    }

    /// <summary>The level, with its code and names.</summary>
    public SeverityLevel Level { get; }

    /// <summary>Work orders of this level.</summary>
    public int Count { get; }
}
