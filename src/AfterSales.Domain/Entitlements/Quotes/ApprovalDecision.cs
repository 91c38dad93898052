namespace AfterSales.Entitlements.Quotes;

/// <summary>
/// The answer of a guard: allowed or not, and why — phrased for the person who asked, e.g. "the
/// customer has not accepted quote Q-7". Immutable; deconstructs to <c>(allowed, reason)</c>.
/// </summary>
public readonly struct ApprovalDecision : IEquatable<ApprovalDecision>
{
    private readonly string? reason;

    internal ApprovalDecision(bool allowed, string reason)
    {
        Allowed = allowed;
        this.reason = reason;
    }

    /// <summary>Whether the action is allowed.</summary>
    public bool Allowed { get; }

    /// <summary>Why (or why not).</summary>
    public string Reason => reason ?? "";

    /// <summary>Deconstructs into <paramref name="allowed"/> and <paramref name="reason"/>.</summary>
    public void Deconstruct(out bool allowed, out string reason)
    {
        allowed = Allowed;
        reason = Reason;
    }

    /// <summary>Whether two decisions are equal.</summary>
    public static bool operator ==(ApprovalDecision left, ApprovalDecision right) => left.Equals(right);

    /// <summary>Whether two decisions differ.</summary>
    public static bool operator !=(ApprovalDecision left, ApprovalDecision right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(ApprovalDecision other) => Allowed == other.Allowed && string.Equals(Reason, other.Reason, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ApprovalDecision other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Allowed, StringComparer.Ordinal.GetHashCode(Reason));

    /// <inheritdoc />
    public override string ToString() => (Allowed ? "allowed: " : "not allowed: ") + Reason;
}
