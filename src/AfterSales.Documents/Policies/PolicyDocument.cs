using System.Text.Json.Serialization;

namespace AfterSales.Documents.Policies;

/// <summary>
/// An SLA policy as JSON (服务级别协议文档), the shape of <c>sla-policy.schema.json</c>: everything
/// <see cref="AfterSales.Sla.SlaPolicyBuilder"/> can say — the severity scale, the targets (metric,
/// severities, channel, locality, distance band, amount, calendar id, start anchor, warnings, pause
/// rule, waiver), the observation period and the reclassification rule — plus the contract's own
/// milestones and metrics. Convert it with <see cref="PolicyDocuments"/>, which validates it first.
/// </summary>
public sealed record PolicyDocument
{
    /// <summary>The schema the document follows, optional.</summary>
    [JsonPropertyName("$schema")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Schema { get; init; }

    /// <summary>The stable id shared by every version.</summary>
    public required string Id { get; init; }

    /// <summary>The version the catalog assigned; ignored when saving (the catalog assigns the next).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Version { get; init; }

    /// <summary>A readable name.</summary>
    public required string Name { get; init; }

    /// <summary>The language clocks are explained in unless the caller asks for another: <c>zh-CN</c> or <c>en</c> (the default).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Language { get; init; }

    /// <summary>The contract's severity scale, most severe level first.</summary>
    public required SeverityScaleDocument SeverityScale { get; init; }

    /// <summary>The calendar id of targets that name none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Calendar { get; init; }

    /// <summary>Warning percentages of targets that name none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? Warnings { get; init; }

    /// <summary>The observation period after a fix (运行观察期), an ISO 8601 duration such as <c>P7D</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ObservationPeriod { get; init; }

    /// <summary><c>KeepElapsed</c> (the default) or <c>RestartAtChange</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reclassification { get; init; }

    /// <summary>The conventions where engines disagree; each left out is today's behaviour.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ConventionsDocument? Conventions { get; init; }

    /// <summary><c>NeverEarlierThanPolicy</c> (the default) or <c>MayBeEarlier</c>: whether a due date agreed with the customer may be earlier than the policy's own.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NegotiatedDueDates { get; init; }

    /// <summary><c>NewCycle</c> (the default) or <c>ContinueClock</c>: what re-opening does to the clocks of restarting metrics.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reopening { get; init; }

    /// <summary>The contract's own pause reasons (the well-known ones are named by code alone).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PauseReasonDocument>? PauseReasons { get; init; }

    /// <summary>The contract's own milestones (the well-known ones are named by code alone).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MilestoneDocument>? Milestones { get; init; }

    /// <summary>The contract's own metrics (the well-known ones are named by code alone).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MetricDocument>? Metrics { get; init; }

    /// <summary>The targets, in order.</summary>
    public required IReadOnlyList<TargetDocument> Targets { get; init; }
}

/// <summary>Conventions: <c>budgetEndingAtClose</c> (<c>AtClose</c>, <c>NextOpening</c>), <c>waitingBeforeFirstResponse</c> (<c>Pauses</c>, <c>Counts</c>), <c>rounding</c> (<c>Exact</c>, <c>Minute</c>).</summary>
public sealed record ConventionsDocument
{
    /// <summary>Where a budget that runs out at closing time is due.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BudgetEndingAtClose { get; init; }

    /// <summary>Whether waiting before the first response pauses the other targets.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WaitingBeforeFirstResponse { get; init; }

    /// <summary>How reported durations are rounded.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Rounding { get; init; }
}

/// <summary>A severity scale: code, name, and the levels most severe first (rank = position).</summary>
public sealed record SeverityScaleDocument
{
    /// <summary>The scale's stable code.</summary>
    public required string Code { get; init; }

    /// <summary>A readable name.</summary>
    public required string Name { get; init; }

    /// <summary>The levels, most severe first.</summary>
    public required IReadOnlyList<SeverityLevelDocument> Levels { get; init; }
}

/// <summary>One severity level.</summary>
public sealed record SeverityLevelDocument
{
    /// <summary>The level's code, e.g. <c>A</c>.</summary>
    public required string Code { get; init; }

    /// <summary>The Chinese name.</summary>
    public required string NameZh { get; init; }

    /// <summary>The English name.</summary>
    public required string NameEn { get; init; }

    /// <summary>What the level means in the contract's words.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }
}

/// <summary>A contract's own pause reason.</summary>
public sealed record PauseReasonDocument
{
    /// <summary>The stable code.</summary>
    public required string Code { get; init; }

    /// <summary>The Chinese name.</summary>
    public required string NameZh { get; init; }

    /// <summary>The English name.</summary>
    public required string NameEn { get; init; }
}

/// <summary>A contract's own milestone.</summary>
public sealed record MilestoneDocument
{
    /// <summary>The stable code.</summary>
    public required string Code { get; init; }

    /// <summary>The Chinese name.</summary>
    public required string NameZh { get; init; }

    /// <summary>The English name.</summary>
    public required string NameEn { get; init; }
}

/// <summary>A contract's own metric: what stops it, what ends it, whether it restarts on re-opening.</summary>
public sealed record MetricDocument
{
    /// <summary>The stable code.</summary>
    public required string Code { get; init; }

    /// <summary>The Chinese name.</summary>
    public required string NameZh { get; init; }

    /// <summary>The English name.</summary>
    public required string NameEn { get; init; }

    /// <summary>The milestone code that stops (meets) the clock.</summary>
    public required string StoppedBy { get; init; }

    /// <summary>Whether a re-opened work order gets a new clock.</summary>
    public required bool RestartsOnReopen { get; init; }

    /// <summary>Milestone codes that end the clock without meeting it; <c>resolved</c> and <c>cancelled</c> when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? EndedBy { get; init; }

    /// <summary>For a recurring metric: the milestone code that starts each occurrence.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? RecursOn { get; init; }
}

/// <summary>One promise: metric within amount for these severities (and channels, sites), on a calendar, from an anchor.</summary>
public sealed record TargetDocument
{
    /// <summary>The metric's code.</summary>
    public required string Metric { get; init; }

    /// <summary>The severity codes it applies to.</summary>
    public required IReadOnlyList<string> Severities { get; init; }

    /// <summary>The report channels it applies to; any when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>The site localities it applies to; any when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Sites { get; init; }

    /// <summary>The distance band it applies to; any when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DistanceBandDocument? DistanceKm { get; init; }

    /// <summary>How much time the target allows.</summary>
    public required AmountDocument Amount { get; init; }

    /// <summary>The calendar id; the policy's when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Calendar { get; init; }

    /// <summary>The milestone code the clock starts at; <c>reported</c> when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? From { get; init; }

    /// <summary>Warning percentages; the policy's when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? Warnings { get; init; }

    /// <summary>Whether waiting for the customer pauses the clock; <see langword="true"/> when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? PausesWhileWaitingForCustomer { get; init; }

    /// <summary>The pause reason codes that pause the clock; every reason when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? PausedBy { get; init; }

    /// <summary>A milestone that waives the target when reached in time.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public WaiverDocument? Waiver { get; init; }

    /// <summary>The contract's own words for the promise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    /// <summary>Escalation levels: each a name, who it goes to, and exactly one of a percent, <c>before</c> or <c>after</c> the due instant.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<EscalationDocument>? Escalations { get; init; }
}

/// <summary>An escalation level (升级): <c>percent</c> of the allowed time, or an ISO 8601 duration <c>before</c> or <c>after</c> the due instant counted as <c>counting</c>.</summary>
public sealed record EscalationDocument
{
    /// <summary>The level's name, unique within the target.</summary>
    public required string Name { get; init; }

    /// <summary>Who it goes to.</summary>
    public required IReadOnlyList<string> Notify { get; init; }

    /// <summary>A percent of the allowed time, 1–1000.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Percent { get; init; }

    /// <summary>An offset before the due instant.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Before { get; init; }

    /// <summary>An offset after the due instant.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? After { get; init; }

    /// <summary><c>BusinessTime</c> (the default) or <c>ElapsedTime</c>, for an offset.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Counting { get; init; }
}

/// <summary>A distance band <c>[min, max)</c> in km.</summary>
public sealed record DistanceBandDocument
{
    /// <summary>The least distance, inclusive.</summary>
    public required int Min { get; init; }

    /// <summary>The greatest distance, exclusive; unbounded when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Max { get; init; }
}

/// <summary>An amount: exactly one of its members.</summary>
public sealed record AmountDocument
{
    /// <summary>Business time, an ISO 8601 duration of hours, minutes and seconds such as <c>PT2H</c> or <c>PT30M</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? BusinessTime { get; init; }

    /// <summary>Whole working days (工作日) on the target's calendar.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? WorkingDays { get; init; }

    /// <summary>Until the close of the Nth working day after the one the clock starts on (0: that day's close).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? CloseOfWorkingDay { get; init; }

    /// <summary>Calendar days, weeks and months in the calendar's zone, elapsed time (ISO 8601 <c>P1M</c>, <c>P2W</c>, <c>P15D</c>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? CalendarPeriod { get; init; }

    /// <summary><see langword="true"/>: a date agreed with the customer (协商确定, R-SLA-3); nothing is due until one is negotiated.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ByAgreement { get; init; }
}

/// <summary>A waiver: the target is not owed when <see cref="Milestone"/> comes within <see cref="Within"/> of the start.</summary>
public sealed record WaiverDocument
{
    /// <summary>The milestone code.</summary>
    public required string Milestone { get; init; }

    /// <summary>The business time, an ISO 8601 duration.</summary>
    public required string Within { get; init; }
}
