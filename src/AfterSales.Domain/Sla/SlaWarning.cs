using System.Globalization;

namespace AfterSales.Sla;

/// <summary>A warning threshold of an SLA clock: when <see cref="Percent"/> of the allowed time will
/// have been used (预警). Immutable.</summary>
public readonly struct SlaWarning : IEquatable<SlaWarning>
{
    internal SlaWarning(int percent, Instant at, bool isReached)
    {
        Percent = percent;
        At = at;
        IsReached = isReached;
    }

    /// <summary>The share of the allowed time, 1–100.</summary>
    public int Percent { get; }

    /// <summary>When that share is used up, given the pauses so far.</summary>
    public Instant At { get; }

    /// <summary>Whether the clock had reached the threshold when it was evaluated (or stopped).</summary>
    public bool IsReached { get; }

    /// <inheritdoc />
    public bool Equals(SlaWarning other) => Percent == other.Percent && At == other.At && IsReached == other.IsReached;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SlaWarning other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Percent, At, IsReached);

    /// <summary>Equality.</summary>
    public static bool operator ==(SlaWarning left, SlaWarning right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(SlaWarning left, SlaWarning right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Percent} % at {At}{(IsReached ? " (reached)" : "")}");
}
