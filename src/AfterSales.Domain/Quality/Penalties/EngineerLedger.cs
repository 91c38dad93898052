using System.Globalization;
using AfterSales.Internal;

namespace AfterSales.Quality.Penalties;

/// <summary>
/// An engineer's settlement for one month (月度考核): fines, bonus and its deductions, pay per
/// service and the dismissal flag, each amount explained by a <see cref="LedgerLine"/> (R-CP-2, R-CP-3).
/// </summary>
/// <remarks>
/// <see cref="ForMonth"/> is a pure function of its inputs. Fines and bonus deductions count the
/// complaints confirmed in the month; dismissal counts those within the policy's
/// <see cref="PenaltyPolicy.DismissalWindow"/> ending with the month. Inputs about other engineers
/// or outside the window are ignored. Immutable.
/// </remarks>
public sealed class EngineerLedger
{
    private EngineerLedger(
        string engineerId,
        YearMonth month,
        string currency,
        int complaintsInMonth,
        int complaintsInWindow,
        DateInterval dismissalWindow,
        decimal fines,
        decimal bonusBeforeComplaints,
        decimal bonus,
        decimal servicePay,
        int paidServices,
        int unpaidServices,
        bool dismissalDue,
        IReadOnlyList<LedgerLine> lines)
    {
        EngineerId = engineerId;
        Month = month;
        Currency = currency;
        ComplaintsInMonth = complaintsInMonth;
        ComplaintsInDismissalWindow = complaintsInWindow;
        DismissalWindow = dismissalWindow;
        Fines = fines;
        BonusBeforeComplaints = bonusBeforeComplaints;
        Bonus = bonus;
        ServicePay = servicePay;
        PaidServices = paidServices;
        UnpaidServices = unpaidServices;
        DismissalDue = dismissalDue;
        Lines = lines;
    }

    /// <summary>The engineer.</summary>
    public string EngineerId { get; }

    /// <summary>The month settled.</summary>
    public YearMonth Month { get; }

    /// <summary>The currency of every amount.</summary>
    public string Currency { get; }

    /// <summary>Confirmed complaints in the month.</summary>
    public int ComplaintsInMonth { get; }

    /// <summary>Confirmed complaints within the dismissal window.</summary>
    public int ComplaintsInDismissalWindow { get; }

    /// <summary>The days of the dismissal window.</summary>
    public DateInterval DismissalWindow { get; }

    /// <summary>The total of fines, as a positive amount.</summary>
    public decimal Fines { get; }

    /// <summary>The bonus the month would pay without complaints (0 without a bonus rule).</summary>
    public decimal BonusBeforeComplaints { get; }

    /// <summary>The bonus paid.</summary>
    public decimal Bonus { get; }

    /// <summary>What complaints took off the bonus: <see cref="BonusBeforeComplaints"/> − <see cref="Bonus"/>.</summary>
    public decimal BonusDeductions => BonusBeforeComplaints - Bonus;

    /// <summary>Fines plus bonus deductions: everything the complaints cost the engineer.</summary>
    public decimal TotalPenalties => Fines + BonusDeductions;

    /// <summary>Pay for completed services.</summary>
    public decimal ServicePay { get; }

    /// <summary>Services paid for.</summary>
    public int PaidServices { get; }

    /// <summary>Services completed but not paid for lack of a complete, signed form.</summary>
    public int UnpaidServices { get; }

    /// <summary>Bonus + service pay − fines: the month's variable pay, possibly negative.</summary>
    public decimal Net => Bonus + ServicePay - Fines;

    /// <summary>Whether the dismissal threshold is reached (解聘).</summary>
    public bool DismissalDue { get; }

    /// <summary>The explained amounts; their sum is <see cref="Net"/>.</summary>
    public IReadOnlyList<LedgerLine> Lines { get; }

    /// <summary>Settles <paramref name="engineerId"/>'s <paramref name="month"/>.</summary>
    /// <param name="engineerId">The engineer.</param>
    /// <param name="month">The month.</param>
    /// <param name="confirmedComplaints">Confirmed complaints, of any engineer and date; filtered here.</param>
    /// <param name="completedServices">Completed services, of any engineer and date; filtered here.</param>
    /// <param name="policy">The rules.</param>
    /// <exception cref="ArgumentException">An argument is null or blank.</exception>
    public static EngineerLedger ForMonth(
        string engineerId,
        YearMonth month,
        IEnumerable<ConfirmedComplaint> confirmedComplaints,
        IEnumerable<CompletedService> completedServices,
        PenaltyPolicy policy)
    {
        Guard.NotBlank(engineerId);
        Guard.NotNull(confirmedComplaints);
        Guard.NotNull(completedServices);
        Guard.NotNull(policy);

        var monthDays = PenaltyWindow.Month.For(month);
        var window = policy.DismissalWindow.For(month);
        var mine = confirmedComplaints.Where(c => string.Equals(c.EngineerId, engineerId, StringComparison.Ordinal)).ToList();
        var inMonth = mine.Where(c => monthDays.Contains(c.ConfirmedOn)).OrderBy(c => c.ConfirmedOn).ThenBy(c => c.ComplaintId, StringComparer.Ordinal).ToList();
        var inWindow = mine.Count(c => window.Contains(c.ConfirmedOn));
        var lines = new List<LedgerLine>();
        var currency = policy.Currency;

        foreach (var complaint in inMonth)
        {
            lines.Add(new LedgerLine(
                LedgerLineKind.Fine,
                -policy.FinePerConfirmedComplaint,
                complaint.ComplaintId,
                Text($"罚款 fine for the complaint confirmed on {Day(complaint.ConfirmedOn)}: {policy.FinePerConfirmedComplaint:0.00} {currency}")));
        }

        decimal bonusGross = 0m, bonus = 0m;
        if (policy.Bonus is { } rule)
        {
            bonusGross = rule.Amount;
            bonus = rule.BonusFor(inMonth.Count);
            lines.Add(new LedgerLine(LedgerLineKind.Bonus, bonusGross, "", Text($"奖金 monthly bonus without complaints: {bonusGross:0.00} {currency}")));
            if (bonus < bonusGross)
            {
                var forfeited = rule.ForfeitAtCount is { } n && inMonth.Count >= n;
                lines.Add(new LedgerLine(
                    LedgerLineKind.BonusDeduction,
                    bonus - bonusGross,
                    "",
                    forfeited
                        ? Text($"扣除当月奖金 bonus forfeited: {inMonth.Count} confirmed complaint(s) in the month, forfeited at {rule.ForfeitAtCount}")
                        : Text($"扣除奖金 {inMonth.Count} confirmed complaint(s) × {rule.DeductionPerComplaint:0.00} {currency}, not below zero")));
            }
        }

        var services = completedServices
            .Where(s => string.Equals(s.EngineerId, engineerId, StringComparison.Ordinal) && monthDays.Contains(s.CompletedOn))
            .OrderBy(s => s.CompletedOn)
            .ThenBy(s => s.WorkOrderId, StringComparer.Ordinal)
            .ToList();
        int paid = 0, unpaid = 0;
        foreach (var service in services)
        {
            if (service.CountsForPay)
            {
                paid++;
                if (policy.PayPerService > 0)
                {
                    lines.Add(new LedgerLine(LedgerLineKind.ServicePay, policy.PayPerService, service.WorkOrderId, Text($"服务补贴 service completed on {Day(service.CompletedOn)} with a complete, signed feedback form")));
                }
            }
            else
            {
                unpaid++;
                var why = !service.FeedbackFormComplete ? "the feedback form is incomplete" : "the feedback form is not signed";
                lines.Add(new LedgerLine(LedgerLineKind.ServiceNotPaid, 0m, service.WorkOrderId, Text($"不计算次数 service completed on {Day(service.CompletedOn)} not paid: {why}")));
            }
        }

        var dismissal = inWindow >= policy.DismissalAtCount;
        if (dismissal)
        {
            lines.Add(new LedgerLine(
                LedgerLineKind.Dismissal,
                0m,
                "",
                Text($"解聘 {inWindow} confirmed complaint(s) from {Day(window.Start)} to {Day(window.End)} ({policy.DismissalWindow}); dismissal at {policy.DismissalAtCount}")));
        }

        return new EngineerLedger(
            engineerId,
            month,
            currency,
            inMonth.Count,
            inWindow,
            window,
            policy.FinePerConfirmedComplaint * inMonth.Count,
            bonusGross,
            bonus,
            policy.PayPerService * paid,
            paid,
            unpaid,
            dismissal,
            lines);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Day(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
