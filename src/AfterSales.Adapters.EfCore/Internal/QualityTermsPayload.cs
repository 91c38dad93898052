using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Quality.Penalties;
using AfterSales.Quality.Reporting;
using AfterSales.Quality.Terms;
using NodaTime.Text;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>The stored JSON of a quality terms version: our own DTO, amounts as decimals, durations as nanoseconds, periods in ISO 8601.</summary>
internal sealed class QualityTermsPayload
{
    public string Name { get; set; } = string.Empty;

    public string Customer { get; set; } = string.Empty;

    public string Currency { get; set; } = string.Empty;

    public decimal Fine { get; set; }

    public int DismissalAt { get; set; }

    public PenaltyWindowKind DismissalWindow { get; set; }

    public string? DismissalPeriod { get; set; }

    public decimal? BonusAmount { get; set; }

    public decimal? BonusDeduction { get; set; }

    public int? BonusForfeitAt { get; set; }

    public decimal PayPerService { get; set; }

    public decimal? CallbackRate { get; set; }

    public decimal? SatisfactionRate { get; set; }

    public decimal? PartsShipmentAccuracy { get; set; }

    public decimal? OnTimeRate { get; set; }

    public decimal? Availability { get; set; }

    public CreditsPayload? Credits { get; set; }

    public static string ToJson(QualityTerms t)
    {
        var p = t.Penalties;
        var payload = new QualityTermsPayload
        {
            Name = t.Name,
            Customer = t.Customer,
            Currency = p.Currency,
            Fine = p.FinePerConfirmedComplaint,
            DismissalAt = p.DismissalAtCount,
            DismissalWindow = p.DismissalWindow.Kind,
            DismissalPeriod = p.DismissalWindow.Length is { } length ? PeriodPattern.Roundtrip.Format(length) : null,
            BonusAmount = p.Bonus?.Amount,
            BonusDeduction = p.Bonus?.DeductionPerComplaint,
            BonusForfeitAt = p.Bonus?.ForfeitAtCount,
            PayPerService = p.PayPerService,
            CallbackRate = t.Targets.CallbackRate,
            SatisfactionRate = t.Targets.SatisfactionRate,
            PartsShipmentAccuracy = t.Targets.PartsShipmentAccuracy,
            OnTimeRate = t.Targets.OnTimeRate,
            Availability = t.Targets.Availability,
            Credits = t.ServiceCredits is { } c
                ? new CreditsPayload
                {
                    Currency = c.Policy.Currency,
                    Tiers = [.. c.Policy.Tiers.Select(static x => new TierPayload { MinimumOverdueNanoseconds = x.MinimumOverdue.ToInt64Nanoseconds(), Percent = x.PercentOfMonthlyFee, Fixed = x.FixedAmount })],
                    CapPercent = c.Policy.CapPercentOfMonthlyFee,
                    CapAmount = c.Policy.CapAmount,
                    MonthlyFees = c.MonthlyFees.ToDictionary(static f => f.Key, static f => f.Value, StringComparer.Ordinal),
                }
                : null,
        };
        return JsonSerializer.Serialize(payload, QualityTermsPayloadJsonContext.Default.QualityTermsPayload);
    }

    public static QualityTerms FromJson(string json)
    {
        var p = JsonSerializer.Deserialize(json, QualityTermsPayloadJsonContext.Default.QualityTermsPayload)!;
        var window = p.DismissalWindow switch
        {
            PenaltyWindowKind.Month => PenaltyWindow.Month,
            PenaltyWindowKind.Year => PenaltyWindow.Year,
            _ => PenaltyWindow.Rolling(PeriodPattern.Roundtrip.Parse(p.DismissalPeriod!).Value),
        };
        var penalties = PenaltyPolicy.Create(p.Currency, p.Fine, p.DismissalAt, window).WithServicePay(p.PayPerService);
        if (p.BonusAmount is { } amount)
        {
            penalties = penalties.WithBonus(p.BonusForfeitAt is { } at
                ? MonthlyBonusRule.DeductAndForfeitAt(amount, p.BonusDeduction ?? 0m, at)
                : MonthlyBonusRule.DeductPerComplaint(amount, p.BonusDeduction ?? 0m));
        }

        var targets = new QualityTargets(p.CallbackRate, p.SatisfactionRate, p.PartsShipmentAccuracy, p.OnTimeRate, p.Availability);
        var credits = p.Credits is { } c
            ? new ServiceCreditTerms(
                ServiceCreditPolicy.Create(c.Currency, c.Tiers.Select(static t => new ServiceCreditTier(Duration.FromNanoseconds(t.MinimumOverdueNanoseconds), t.Percent, t.Fixed)), c.CapPercent, c.CapAmount),
                c.MonthlyFees)
            : null;
        return new QualityTerms(p.Name, p.Customer, penalties, targets, credits);
    }

    internal sealed class CreditsPayload
    {
        public string Currency { get; set; } = string.Empty;

        public List<TierPayload> Tiers { get; set; } = [];

        public decimal? CapPercent { get; set; }

        public decimal? CapAmount { get; set; }

        public Dictionary<string, decimal> MonthlyFees { get; set; } = [];
    }

    internal sealed class TierPayload
    {
        public long MinimumOverdueNanoseconds { get; set; }

        public decimal Percent { get; set; }

        public decimal Fixed { get; set; }
    }
}

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(QualityTermsPayload))]
internal sealed partial class QualityTermsPayloadJsonContext : JsonSerializerContext;
