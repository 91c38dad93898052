using AfterSales.Internal;

namespace AfterSales.Sla;

/// <summary>When a budget of business time runs out exactly at closing time (下班时刻), where the due instant is.</summary>
public enum BudgetEndingAtClose
{
    /// <summary>At the close itself (the default, and 0.1's rule): 4 h from 14:00 on 9–18 is due 18:00.</summary>
    AtClose = 0,

    /// <summary>At the next opening (some engines' rule): 4 h from 14:00 on 9–18 is due at 09:00 the next working day.
    /// An amount that names the close (<see cref="SlaAmountUnit.CloseOfWorkingDay"/>) stays at the close.</summary>
    NextOpening = 1,
}

/// <summary>Whether waiting for the customer before the first response pauses the other targets.</summary>
public enum WaitingBeforeFirstResponse
{
    /// <summary>It pauses every target that pauses while waiting (the default, and 0.1's rule).</summary>
    Pauses = 0,

    /// <summary>It counts toward the other targets (resolution, arrival …): only waiting after the first response pauses them.</summary>
    Counts = 1,
}

/// <summary>How the durations a clock reports (allowed, elapsed, remaining, paused) are rounded.</summary>
public enum DurationRounding
{
    /// <summary>Exact (the default).</summary>
    Exact = 0,

    /// <summary>Down to the whole minute, as most engines store them; due instants are not rounded.</summary>
    Minute = 1,
}

/// <summary>
/// The conventions a contract chooses where established engines disagree (约定), each stated in every
/// clock's explanation; <see cref="Default"/> is today's behaviour.
/// </summary>
/// <remarks>Immutable; value equality.</remarks>
public sealed record SlaConventions
{
    /// <summary>Due at the close, waiting before the first response pauses, durations exact.</summary>
    public static SlaConventions Default { get; } = new();

    /// <summary>Where a budget that runs out at closing time is due.</summary>
    public BudgetEndingAtClose BudgetEndingAtClose { get; init; }

    /// <summary>Whether waiting before the first response pauses the other targets.</summary>
    public WaitingBeforeFirstResponse WaitingBeforeFirstResponse { get; init; }

    /// <summary>How reported durations are rounded.</summary>
    public DurationRounding Rounding { get; init; }

    /// <summary>The conventions as one line of an explanation.</summary>
    internal string Describe(ExplanationLanguage language) => language.Text(
        "约定:" + (BudgetEndingAtClose == BudgetEndingAtClose.AtClose ? "时限恰在下班时用完即于下班时到期" : "时限恰在下班时用完则于下次上班时到期")
            + (WaitingBeforeFirstResponse == WaitingBeforeFirstResponse.Pauses ? ";首次响应前等待客户的时间也暂停其他时限" : ";首次响应前等待客户的时间计入其他时限")
            + (Rounding == DurationRounding.Exact ? ";时长精确" : ";时长按分钟取整"),
        "conventions: " + (BudgetEndingAtClose == BudgetEndingAtClose.AtClose ? "a budget ending at closing time is due at the close" : "a budget ending at closing time is due at the next opening")
            + (WaitingBeforeFirstResponse == WaitingBeforeFirstResponse.Pauses ? "; waiting before the first response pauses the other targets" : "; waiting before the first response counts toward the other targets")
            + (Rounding == DurationRounding.Exact ? "; durations exact" : "; durations rounded down to the minute"));

    internal SlaConventions Checked()
    {
        Guard.Defined(BudgetEndingAtClose);
        Guard.Defined(WaitingBeforeFirstResponse);
        Guard.Defined(Rounding);
        return this;
    }
}
