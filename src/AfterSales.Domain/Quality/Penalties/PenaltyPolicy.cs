using AfterSales.Internal;

namespace AfterSales.Quality.Penalties;

/// <summary>
/// How an engineer's month is settled (考核办法), as data: a fine per confirmed complaint, the
/// count of confirmed complaints within a <see cref="PenaltyWindow"/> that means dismissal, the
/// optional <see cref="MonthlyBonusRule"/>, and pay per completed service (服务补贴).
/// </summary>
/// <remarks>
/// Amounts are <see cref="decimal"/> in <see cref="Currency"/> (ISO 4217, <c>"CNY"</c> in the seeds);
/// the quality module deliberately has no money type of its own. Immutable; change with the
/// <c>With…</c> methods, which return a new policy.
/// </remarks>
public sealed class PenaltyPolicy
{
    private PenaltyPolicy(string currency, decimal fine, int dismissalAt, PenaltyWindow window, MonthlyBonusRule? bonus, decimal servicePay)
    {
        Currency = currency;
        FinePerConfirmedComplaint = fine;
        DismissalAtCount = dismissalAt;
        DismissalWindow = window;
        Bonus = bonus;
        PayPerService = servicePay;
    }

    /// <summary>Creates a policy without bonus and without pay per service.</summary>
    /// <param name="currency">ISO 4217 code, e.g. <c>"CNY"</c>.</param>
    /// <param name="finePerConfirmedComplaint">The fine per confirmed complaint; not negative.</param>
    /// <param name="dismissalAtCount">The count of confirmed complaints within the window that means dismissal; at least 1.</param>
    /// <param name="dismissalWindow">The window over which that count is taken.</param>
    /// <exception cref="ArgumentException">An argument is out of range.</exception>
    public static PenaltyPolicy Create(string currency, decimal finePerConfirmedComplaint, int dismissalAtCount, PenaltyWindow dismissalWindow)
    {
        Guard.NotBlank(currency);
        if (finePerConfirmedComplaint < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(finePerConfirmedComplaint), finePerConfirmedComplaint, $"finePerConfirmedComplaint must not be negative, was {finePerConfirmedComplaint}.");
        }

        Guard.Positive(dismissalAtCount);
        return new PenaltyPolicy(currency, finePerConfirmedComplaint, dismissalAtCount, Guard.NotNull(dismissalWindow), null, 0m);
    }

    /// <summary>
    /// Seed 000 (R-CP-2): 500 CNY per confirmed complaint (每次投诉罚款500元); the third confirmed
    /// complaint means dismissal (被投诉达到三次做解聘处理). The seed names no window; this preset
    /// counts over a rolling 12 months ending with the ledger's month, so a complaint never
    /// "expires" at New Year but neither counts for ever. Choose <see cref="PenaltyWindow.Year"/>
    /// with <see cref="WithDismissal"/> for an annual appraisal.
    /// </summary>
    public static PenaltyPolicy Seed000 { get; } = Create("CNY", 500m, 3, PenaltyWindow.Rolling(Period.FromMonths(12)));

    /// <summary>The currency of every amount (ISO 4217).</summary>
    public string Currency { get; }

    /// <summary>The fine per confirmed complaint, charged in the month of confirmation.</summary>
    public decimal FinePerConfirmedComplaint { get; }

    /// <summary>The count of confirmed complaints within <see cref="DismissalWindow"/> that means dismissal.</summary>
    public int DismissalAtCount { get; }

    /// <summary>The window over which <see cref="DismissalAtCount"/> is counted.</summary>
    public PenaltyWindow DismissalWindow { get; }

    /// <summary>The monthly bonus rule, if the contract has one.</summary>
    public MonthlyBonusRule? Bonus { get; }

    /// <summary>Pay per completed service with a complete, signed feedback form (0 when none).</summary>
    public decimal PayPerService { get; }

    /// <summary>The same policy with another dismissal rule.</summary>
    public PenaltyPolicy WithDismissal(int atCount, PenaltyWindow window) =>
        new(Currency, FinePerConfirmedComplaint, Guard.Positive(atCount), Guard.NotNull(window), Bonus, PayPerService);

    /// <summary>The same policy with a monthly bonus rule (R-CP-3).</summary>
    public PenaltyPolicy WithBonus(MonthlyBonusRule bonus) =>
        new(Currency, FinePerConfirmedComplaint, DismissalAtCount, DismissalWindow, Guard.NotNull(bonus), PayPerService);

    /// <summary>The same policy with pay per completed service (R-CP-3).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="payPerService"/> is negative.</exception>
    public PenaltyPolicy WithServicePay(decimal payPerService) =>
        payPerService < 0
            ? throw new ArgumentOutOfRangeException(nameof(payPerService), payPerService, $"payPerService must not be negative, was {payPerService}.")
            : new(Currency, FinePerConfirmedComplaint, DismissalAtCount, DismissalWindow, Bonus, payPerService);
}
