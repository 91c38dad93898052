namespace AfterSales.Quality.Reporting;

/// <summary>How often a part type failed (was replaced) in a period. Immutable.</summary>
public sealed class PartTypeCount
{
    internal PartTypeCount(string partType, int count)
    {
        PartType = partType;
        Count = count;
    }

    /// <summary>The part type.</summary>
    public string PartType { get; }

    /// <summary>Parts of this type replaced.</summary>
    public int Count { get; }
}
