using System.Globalization;
using System.Text.Json;
using AfterSales.Quality.Penalties;
using AfterSales.Quality.Reporting;
using AfterSales.Quality.Terms;
using NodaTime.Text;

namespace AfterSales.Documents.Quality;

/// <summary>
/// Reads and writes quality terms documents (质量考核条款文档转换): validates JSON against the
/// published <c>quality-terms.schema.json</c> first, then builds the domain's <see cref="QualityTerms"/>
/// — whose own checks (a rolling window of no length, tiers that credit less for a larger breach, …)
/// come back as errors by JSON path too. <see cref="ToDocument"/> writes a document that reading
/// gives back unchanged.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class QualityTermsDocuments
{
    /// <summary>The file name of the schema, embedded and packed under <c>schemas/</c>.</summary>
    public const string SchemaFileName = "quality-terms.schema.json";

    private static readonly Lazy<SchemaValidator> Validator = new(() => SchemaValidator.For(SchemaFileName));

    /// <summary>The JSON Schema (draft 2020-12) of quality terms documents, as published.</summary>
    public static string SchemaText => SchemaValidator.Text(SchemaFileName);

    /// <summary>The options documents are read and written with: camelCase, nulls left out, comments and trailing commas refused.</summary>
    public static JsonSerializerOptions SerializerOptions => Calendars.CalendarDocuments.SerializerOptions;

    /// <summary>Reads a quality terms document: schema first, then the domain's checks; every error by JSON path. <c>version</c> and <c>adoptedAt</c> are ignored.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The terms, or the errors.</returns>
    public static DocumentResult<QualityTerms> ReadTerms(JsonElement json) =>
        Validator.Value.Read<QualityTermsDocument, QualityTerms>(json, SerializerOptions, ToTerms);

    /// <summary>Converts a document already in memory to terms: the domain's checks, by JSON path.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The terms, or the errors.</returns>
    public static DocumentResult<QualityTerms> ToTerms(QualityTermsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<DocumentError>();
        T? Try<T>(string path, Func<T> build)
            where T : class
        {
            try
            {
                return build();
            }
            catch (ArgumentException ex)
            {
                errors.Add(new DocumentError(path, ex.Message.Split(" (Parameter", 2)[0]));
                return null;
            }
        }

        if (string.IsNullOrWhiteSpace(document.Name))
        {
            errors.Add(new DocumentError("$.name", "name must not be blank."));
        }

        var p = document.Penalties;
        var window = p.DismissalWindow switch
        {
            "month" => PenaltyWindow.Month,
            "year" => PenaltyWindow.Year,
            var text when PeriodPattern.NormalizingIso.Parse(text) is { Success: true } parsed => Try("$.penalties.dismissalWindow", () => PenaltyWindow.Rolling(parsed.Value)),
            _ => null,
        };
        if (window is null && !errors.Exists(static e => e.Path == "$.penalties.dismissalWindow"))
        {
            errors.Add(new DocumentError("$.penalties.dismissalWindow", "dismissalWindow must be month, year, or an ISO 8601 period such as P12M for a rolling window."));
        }

        var penalties = window is null
            ? null
            : Try("$.penalties", () => PenaltyPolicy.Create(p.Currency ?? "CNY", p.FinePerConfirmedComplaint, p.DismissalAtCount, window).WithServicePay(p.PayPerService ?? 0m));
        if (penalties is not null && p.Bonus is { } b)
        {
            var rule = Try("$.penalties.bonus", () => b.ForfeitAtCount is { } at
                ? MonthlyBonusRule.DeductAndForfeitAt(b.Amount, b.DeductionPerComplaint ?? 0m, at)
                : MonthlyBonusRule.DeductPerComplaint(b.Amount, b.DeductionPerComplaint ?? 0m));
            penalties = rule is null ? null : penalties.WithBonus(rule);
        }

        var t = document.Targets ?? new TargetsDocument();
        var targets = Try("$.targets", () => new QualityTargets(t.CallbackRate, t.SatisfactionRate, t.PartsShipmentAccuracy, t.OnTimeRate, t.Availability));

        ServiceCreditTerms? credits = null;
        if (document.ServiceCredits is { } c)
        {
            var tiers = new List<ServiceCreditTier>();
            for (var i = 0; i < c.Tiers.Count; i++)
            {
                var path = string.Create(CultureInfo.InvariantCulture, $"$.serviceCredits.tiers[{i}]");
                var overdue = PeriodPattern.NormalizingIso.Parse(c.Tiers[i].MinimumOverdue);
                if (!overdue.Success || overdue.Value.HasDateComponent && (overdue.Value.Years != 0 || overdue.Value.Months != 0))
                {
                    errors.Add(new DocumentError(path + ".minimumOverdue", "minimumOverdue must be an ISO 8601 duration without years or months, such as PT2H."));
                    continue;
                }

                var tier = c.Tiers[i];
                if (Try(path, () => new ServiceCreditTier(overdue.Value.ToDuration(), tier.PercentOfMonthlyFee, tier.FixedAmount ?? 0m)) is { } built)
                {
                    tiers.Add(built);
                }
            }

            if (tiers.Count == c.Tiers.Count)
            {
                var policy = Try("$.serviceCredits.tiers", () => ServiceCreditPolicy.Create(c.Currency ?? "CNY", tiers, c.CapPercentOfMonthlyFee, c.CapAmount));
                credits = policy is null ? null : Try("$.serviceCredits.monthlyFees", () => new ServiceCreditTerms(policy, c.MonthlyFees));
            }
        }

        return errors.Count == 0 && penalties is not null && targets is not null
            ? DocumentResult<QualityTerms>.Valid(new QualityTerms(document.Name, document.Customer ?? string.Empty, penalties, targets, credits))
            : DocumentResult<QualityTerms>.Invalid(errors.Count > 0 ? errors : [new DocumentError("$", "The document does not define quality terms.")]);
    }

    /// <summary>The document of <paramref name="version"/>, with its version, adoption instant and the schema named.</summary>
    /// <param name="version">The adopted version (or <see cref="QualityTermsVersion.Default"/>).</param>
    public static QualityTermsDocument ToDocument(QualityTermsVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var t = version.Terms;
        var p = t.Penalties;
        return new QualityTermsDocument
        {
            Schema = "urn:aftersales-kit:schemas:quality-terms",
            Version = version.Version,
            AdoptedAt = version.Version == 0 ? null : InstantPattern.ExtendedIso.Format(version.AdoptedAt),
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
                    Tiers = [.. c.Policy.Tiers.Select(static x => new CreditTierDocument
                    {
                        MinimumOverdue = PeriodPattern.NormalizingIso.Format(Period.FromNanoseconds(x.MinimumOverdue.ToInt64Nanoseconds()).Normalize()),
                        PercentOfMonthlyFee = x.PercentOfMonthlyFee,
                        FixedAmount = x.FixedAmount,
                    })],
                    CapPercentOfMonthlyFee = c.Policy.CapPercentOfMonthlyFee,
                    CapAmount = c.Policy.CapAmount,
                    MonthlyFees = c.MonthlyFees,
                }
                : null,
        };
    }

    /// <summary>The document of <paramref name="version"/> as JSON text.</summary>
    /// <param name="version">The version.</param>
    public static string Write(QualityTermsVersion version) => JsonSerializer.Serialize(ToDocument(version), SerializerOptions);

    /// <summary>Reads a document this class wrote (a stored version): the terms, or an exception naming the errors.</summary>
    /// <param name="json">The document text.</param>
    /// <exception cref="InvalidOperationException">The text is not a valid quality terms document.</exception>
    public static QualityTerms ReadStored(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ReadTerms(document.RootElement).Value;
    }
}
