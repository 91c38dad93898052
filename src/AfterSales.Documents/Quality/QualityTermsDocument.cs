using System.Text.Json.Serialization;

namespace AfterSales.Documents.Quality;

/// <summary>
/// A tenant's quality terms as JSON (质量考核条款文档), the shape of <c>quality-terms.schema.json</c>:
/// penalties, targets and service credits. Convert it with <see cref="QualityTermsDocuments"/>; read
/// untrusted JSON with <see cref="QualityTermsDocuments.ReadTerms(System.Text.Json.JsonElement)"/>,
/// which validates it first.
/// </summary>
public sealed record QualityTermsDocument
{
    /// <summary>The schema the document follows, optional.</summary>
    [JsonPropertyName("$schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schema { get; init; }

    /// <summary>The version the catalog assigned; ignored when adopting (the catalog assigns the next).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Version { get; init; }

    /// <summary>When the version was adopted, ISO 8601; ignored when adopting.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AdoptedAt { get; init; }

    /// <summary>A readable name.</summary>
    public required string Name { get; init; }

    /// <summary>The customer's name as reports show it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Customer { get; init; }

    /// <summary>How engineers' months are settled.</summary>
    public required PenaltiesDocument Penalties { get; init; }

    /// <summary>The report's targets.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TargetsDocument? Targets { get; init; }

    /// <summary>The service credits per contract, if promised.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ServiceCreditsDocument? ServiceCredits { get; init; }
}

/// <summary>How an engineer's month is settled (R-CP-2/3).</summary>
public sealed record PenaltiesDocument
{
    /// <summary>ISO 4217; CNY when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Currency { get; init; }

    /// <summary>The fine per confirmed complaint.</summary>
    public required decimal FinePerConfirmedComplaint { get; init; }

    /// <summary>The count of confirmed complaints within the window that means dismissal.</summary>
    public required int DismissalAtCount { get; init; }

    /// <summary><c>month</c>, <c>year</c>, or an ISO 8601 period for a rolling window such as <c>P12M</c>.</summary>
    public required string DismissalWindow { get; init; }

    /// <summary>The monthly bonus rule, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BonusDocument? Bonus { get; init; }

    /// <summary>Pay per completed service with a complete, signed feedback form.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? PayPerService { get; init; }
}

/// <summary>The monthly bonus and what complaints take off it.</summary>
public sealed record BonusDocument
{
    /// <summary>The bonus of a month without complaints.</summary>
    public required decimal Amount { get; init; }

    /// <summary>What each confirmed complaint deducts.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? DeductionPerComplaint { get; init; }

    /// <summary>The count of complaints in a month that forfeits the bonus, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ForfeitAtCount { get; init; }
}

/// <summary>The report's targets as ratios 0–1; a target left out is not promised.</summary>
public sealed record TargetsDocument
{
    /// <summary>On-time rate over all clocks.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? OnTimeRate { get; init; }

    /// <summary>Mean device availability.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Availability { get; init; }

    /// <summary>Share of satisfied sign-off ratings.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? SatisfactionRate { get; init; }

    /// <summary>Share of in-warranty callbacks made.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? CallbackRate { get; init; }

    /// <summary>Share of correct parts shipments.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? PartsShipmentAccuracy { get; init; }
}

/// <summary>The service credits overdue clocks earn the customer, per contract.</summary>
public sealed record ServiceCreditsDocument
{
    /// <summary>ISO 4217; CNY when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Currency { get; init; }

    /// <summary>The tiers by overdue business time.</summary>
    public required IReadOnlyList<CreditTierDocument> Tiers { get; init; }

    /// <summary>The cap as percent of the monthly fee, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? CapPercentOfMonthlyFee { get; init; }

    /// <summary>The cap as an amount, if any.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? CapAmount { get; init; }

    /// <summary>The monthly fee per contract, by SLA policy id.</summary>
    public required IReadOnlyDictionary<string, decimal> MonthlyFees { get; init; }
}

/// <summary>One credit tier.</summary>
public sealed record CreditTierDocument
{
    /// <summary>The least overdue business time, an ISO 8601 duration such as <c>PT2H</c>.</summary>
    public required string MinimumOverdue { get; init; }

    /// <summary>Percent of the monthly fee credited.</summary>
    public required decimal PercentOfMonthlyFee { get; init; }

    /// <summary>A fixed amount on top.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? FixedAmount { get; init; }
}
