using System.Globalization;
using AfterSales.Http.Contracts;
using AfterSales.Http.Errors;
using AfterSales.Quality.Penalties;
using AfterSales.Quality.Reporting;
using AfterSales.Quality.Terms;
using NodaTime.Text;

namespace AfterSales.Http.Internal;

/// <summary>
/// Converts quality terms documents (<see cref="QualityTermsDocument"/>) to the domain's
/// <see cref="QualityTerms"/> and back: every problem found is reported by its field path, all at once,
/// before the domain builds anything; the domain's own checks come back by path too.
/// </summary>
/// <remarks>
/// The calendar and SLA policy documents of issue 12 live in AfterSales.Documents with a published
/// JSON Schema; this document follows their shape (a record, conversion both ways, errors by path)
/// and moves there with a schema of its own once that package is in.
/// </remarks>
internal static class QualityTermsDocuments
{
    public static QualityTerms ToTerms(QualityTermsDocument d)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Error(string path, string message) => errors[path] = [message];
        T? Try<T>(string path, Func<T> build)
            where T : class
        {
            try
            {
                return build();
            }
            catch (ArgumentException ex)
            {
                Error(path, ex.Message.Split(" (Parameter", 2)[0]);
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Length > 200)
        {
            Error("name", "name must be 1 to 200 characters.");
        }

        if (d.Customer is { Length: > 200 })
        {
            Error("customer", "customer must be at most 200 characters.");
        }

        var p = d.Penalties;
        PenaltyWindow? window = p.DismissalWindow switch
        {
            "month" => PenaltyWindow.Month,
            "year" => PenaltyWindow.Year,
            var text when PeriodPattern.NormalizingIso.Parse(text) is { Success: true } parsed => Try("penalties.dismissalWindow", () => PenaltyWindow.Rolling(parsed.Value)),
            _ => null,
        };
        if (window is null && !errors.ContainsKey("penalties.dismissalWindow"))
        {
            Error("penalties.dismissalWindow", "penalties.dismissalWindow must be month, year, or an ISO 8601 period such as P12M for a rolling window.");
        }

        if (p.Currency is not { Length: 3 } || !p.Currency.All(char.IsAsciiLetterUpper))
        {
            Error("penalties.currency", "penalties.currency must be an ISO 4217 code such as CNY.");
        }

        var penalties = window is null ? null : Try("penalties.finePerConfirmedComplaint", () => PenaltyPolicy.Create(p.Currency, p.FinePerConfirmedComplaint, Positive(p.DismissalAtCount, "penalties.dismissalAtCount"), window));
        if (penalties is not null)
        {
            penalties = Try("penalties.payPerService", () => penalties.WithServicePay(p.PayPerService));
        }

        if (penalties is not null && p.Bonus is { } b)
        {
            var rule = Try("penalties.bonus", () => b.ForfeitAtCount is { } at
                ? MonthlyBonusRule.DeductAndForfeitAt(b.Amount, b.DeductionPerComplaint, at)
                : MonthlyBonusRule.DeductPerComplaint(b.Amount, b.DeductionPerComplaint));
            penalties = rule is null ? penalties : penalties.WithBonus(rule);
        }

        var t = d.Targets ?? new TargetsDocument();
        var targets = Try("targets", () => new QualityTargets(t.CallbackRate, t.SatisfactionRate, t.PartsShipmentAccuracy, t.OnTimeRate, t.Availability));
        if (targets is null && errors.Remove("targets", out var messages))
        {
            // Say which target: QualityTargets names its parameter.
            var which = new[] { ("callbackRate", t.CallbackRate), ("satisfactionRate", t.SatisfactionRate), ("partsShipmentAccuracy", t.PartsShipmentAccuracy), ("onTimeRate", t.OnTimeRate), ("availability", t.Availability) }
                .Where(static x => x.Item2 is < 0m or > 1m).Select(static x => x.Item1).ToList();
            foreach (var name in which.Count > 0 ? which : ["targets"])
            {
                Error("targets." + name, $"targets.{name} must be a ratio between 0 and 1.");
            }

            _ = messages;
        }

        ServiceCreditTerms? credits = null;
        if (d.ServiceCredits is { } c)
        {
            var tiers = new List<ServiceCreditTier>();
            for (var i = 0; i < c.Tiers.Count; i++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"serviceCredits.tiers[{i}]");
                if (c.Tiers[i] is not { } tier)
                {
                    Error(path, path + " must not be null.");
                    continue;
                }

                if (Try(path, () => new ServiceCreditTier(tier.MinimumOverdue, tier.PercentOfMonthlyFee, tier.FixedAmount)) is { } built)
                {
                    tiers.Add(built);
                }
            }

            foreach (var (contract, fee) in c.MonthlyFees)
            {
                if (string.IsNullOrWhiteSpace(contract) || contract.Length > 100 || fee < 0)
                {
                    Error($"serviceCredits.monthlyFees['{contract}']", "Each monthly fee needs an SLA policy id of 1 to 100 characters and an amount not below 0.");
                }
            }

            if (tiers.Count == c.Tiers.Count && !errors.Keys.Any(static k => k.StartsWith("serviceCredits", StringComparison.Ordinal)))
            {
                var policy = Try("serviceCredits.tiers", () => ServiceCreditPolicy.Create(c.Currency, tiers, c.CapPercentOfMonthlyFee, c.CapAmount));
                credits = policy is null ? null : Try("serviceCredits.monthlyFees", () => new ServiceCreditTerms(policy, c.MonthlyFees));
            }
        }

        if (errors.Count > 0)
        {
            throw RequestRejectedException.Validation(errors);
        }

        return new QualityTerms(d.Name, d.Customer ?? string.Empty, penalties!, targets!, credits);

        int Positive(int value, string path) =>
            value >= 1 ? value : throw new ArgumentException($"{path} must be at least 1, was {value}.", path);
    }

    public static QualityTermsDocument ToDocument(QualityTermsVersion version)
    {
        var t = version.Terms;
        var p = t.Penalties;
        return new QualityTermsDocument
        {
            Version = version.Version,
            AdoptedAt = version.Version == 0 ? null : version.AdoptedAt,
            Name = t.Name,
            Customer = t.Customer.Length == 0 ? null : t.Customer,
            Penalties = new PenaltiesDocument
            {
                Currency = p.Currency,
                FinePerConfirmedComplaint = p.FinePerConfirmedComplaint,
                DismissalAtCount = p.DismissalAtCount,
                DismissalWindow = p.DismissalWindow.Kind switch
                {
                    PenaltyWindowKind.Month => "month",
                    PenaltyWindowKind.Year => "year",
                    _ => PeriodPattern.NormalizingIso.Format(p.DismissalWindow.Length!),
                },
                Bonus = p.Bonus is { } b ? new BonusDocument { Amount = b.Amount, DeductionPerComplaint = b.DeductionPerComplaint, ForfeitAtCount = b.ForfeitAtCount } : null,
                PayPerService = p.PayPerService,
            },
            Targets = new TargetsDocument
            {
                OnTimeRate = t.Targets.OnTimeRate,
                Availability = t.Targets.Availability,
                SatisfactionRate = t.Targets.SatisfactionRate,
                CallbackRate = t.Targets.CallbackRate,
                PartsShipmentAccuracy = t.Targets.PartsShipmentAccuracy,
            },
            ServiceCredits = t.ServiceCredits is { } c
                ? new ServiceCreditsDocument
                {
                    Currency = c.Policy.Currency,
                    Tiers = [.. c.Policy.Tiers.Select(static x => new CreditTierDocument { MinimumOverdue = x.MinimumOverdue, PercentOfMonthlyFee = x.PercentOfMonthlyFee, FixedAmount = x.FixedAmount })],
                    CapPercentOfMonthlyFee = c.Policy.CapPercentOfMonthlyFee,
                    CapAmount = c.Policy.CapAmount,
                    MonthlyFees = c.MonthlyFees,
                }
                : null,
        };
    }
}
