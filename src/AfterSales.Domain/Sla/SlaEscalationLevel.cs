using System.Globalization;
using AfterSales.Internal;

namespace AfterSales.Sla;

/// <summary>How an escalation level's offset from the due instant is counted.</summary>
public enum EscalationCounting
{
    /// <summary>Business time on the target's calendar, pauses excluded, like the deadline itself.</summary>
    BusinessTime = 0,

    /// <summary>Elapsed (wall-clock) time from the due instant.</summary>
    ElapsedTime = 1,
}

/// <summary>
/// One escalation level of a target (升级): a name, who it goes to — R-CP-5's path is QA → project
/// manager → project leadership → both sides' decision makers — and when, as a percent of the allowed
/// time (over 100 % is after the due instant) or an offset before or after the due instant in business
/// or elapsed time. Each level becomes an instant on the clock (<see cref="SlaEscalation"/>).
/// </summary>
/// <remarks>Immutable. Create with <see cref="AtPercent"/>, <see cref="Before"/> or <see cref="After"/>.</remarks>
public sealed class SlaEscalationLevel
{
    private SlaEscalationLevel(string name, IReadOnlyList<string> notify, int? percent, Duration offset, EscalationCounting counting)
    {
        Name = name;
        Notify = notify;
        Percent = percent;
        Offset = offset;
        Counting = counting;
    }

    /// <summary>The level's name, unique within its target, e.g. <c>QA</c> or <c>项目经理</c>; part of the stable key.</summary>
    public string Name { get; }

    /// <summary>Who the level goes to (roles or addresses; the host resolves them).</summary>
    public IReadOnlyList<string> Notify { get; }

    /// <summary>The percent of the allowed time, when the level is set that way (1–1000; over 100 is after the due instant).</summary>
    public int? Percent { get; }

    /// <summary>The signed offset from the due instant when not a percent: negative before, positive after.</summary>
    public Duration Offset { get; }

    /// <summary>How <see cref="Offset"/> is counted.</summary>
    public EscalationCounting Counting { get; }

    /// <summary>A level at <paramref name="percent"/> of the allowed time (120 = a fifth of the allowed time after the due instant).</summary>
    /// <exception cref="ArgumentException">A blank name or recipient, or a percent outside 1–1000.</exception>
    public static SlaEscalationLevel AtPercent(string name, int percent, params string[] notify) =>
        percent is < 1 or > 1000
            ? throw new ArgumentOutOfRangeException(nameof(percent), percent, $"percent must be 1–1000, was {percent}.")
            : new(Guard.NotBlank(name), Recipients(notify), percent, Duration.Zero, EscalationCounting.BusinessTime);

    /// <summary>A level <paramref name="offset"/> before the due instant, e.g. 10 minutes before a 30-minute response.</summary>
    /// <exception cref="ArgumentException">A blank name or recipient, or a negative offset.</exception>
    public static SlaEscalationLevel Before(string name, Duration offset, EscalationCounting counting, params string[] notify) =>
        new(Guard.NotBlank(name), Recipients(notify), null, -Guard.NotNegative(offset), Guard.Defined(counting));

    /// <summary>A level <paramref name="offset"/> after the due instant: reached only by a clock that breached.</summary>
    /// <exception cref="ArgumentException">A blank name or recipient, or a negative offset.</exception>
    public static SlaEscalationLevel After(string name, Duration offset, EscalationCounting counting, params string[] notify) =>
        new(Guard.NotBlank(name), Recipients(notify), null, Guard.NotNegative(offset), Guard.Defined(counting));

    /// <summary>E.g. <c>PM at 10 min before due (business time) → pm</c>.</summary>
    public override string ToString() =>
        $"{Name} at {Describe(ExplanationLanguage.English)} → {string.Join(", ", Notify)}";

    /// <summary>When the level is, in words: <c>80 %</c>, <c>10 min before due (business time)</c>.</summary>
    /// <param name="language">The language.</param>
    public string Describe(ExplanationLanguage language)
    {
        Guard.NotNull(language);
        if (Percent is { } p)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{p} %");
        }

        var amount = language.Duration(Offset < Duration.Zero ? -Offset : Offset);
        var counted = Counting == EscalationCounting.BusinessTime ? language.Text("工作时间", "business time") : language.Text("自然时间", "elapsed time");
        return Offset < Duration.Zero
            ? language.Text($"到期前 {amount}({counted})", $"{amount} before due ({counted})")
            : language.Text($"到期后 {amount}({counted})", $"{amount} after due ({counted})");
    }

    private static string[] Recipients(string[] notify)
    {
        Guard.NotNull(notify);
        foreach (var n in notify)
        {
            Guard.NotBlank(n, nameof(notify));
        }

        return [.. notify];
    }
}

/// <summary>
/// An escalation level of one clock as an instant (升级时点): <see cref="Key"/> is stable for the clock
/// (<c>metric/cycle/level</c>), so a deadline watcher can emit one event per level exactly once.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class SlaEscalation
{
    internal SlaEscalation(string key, SlaEscalationLevel level, Instant at, bool isReached)
    {
        Key = key;
        Level = level;
        At = at;
        IsReached = isReached;
    }

    /// <summary><c>{metric code}/{cycle}/{level name}</c>, e.g. <c>resolved/1/PM</c>.</summary>
    public string Key { get; }

    /// <summary>The level.</summary>
    public SlaEscalationLevel Level { get; }

    /// <summary>When the level is due, given the pauses so far (it moves with the deadline).</summary>
    public Instant At { get; }

    /// <summary>Whether the clock had reached it when evaluated (or stopped); a level after the due instant is reached only by a clock that breached.</summary>
    public bool IsReached { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Key} at {At}{(IsReached ? " (reached)" : "")}";
}
