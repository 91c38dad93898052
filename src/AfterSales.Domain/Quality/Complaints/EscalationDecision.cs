namespace AfterSales.Quality.Complaints;

/// <summary>Where a complaint stands on its <see cref="EscalationPath"/> (升级级别), and why.</summary>
public sealed class EscalationDecision
{
    internal EscalationDecision(EscalationLevel level, IReadOnlyList<string> reasons)
    {
        Level = level;
        Reasons = reasons;
    }

    /// <summary>The level the complaint is at now.</summary>
    public EscalationLevel Level { get; }

    /// <summary>One line per overdue clock that raised the level; empty at rank 0 without breaches.</summary>
    public IReadOnlyList<string> Reasons { get; }

    /// <summary>Whether the complaint left its first handler.</summary>
    public bool IsEscalated => Level.Rank > 0;

    /// <inheritdoc />
    public override string ToString() => Level + (Reasons.Count == 0 ? "" : ": " + string.Join("; ", Reasons));
}
