using AfterSales.Http.OpenApi;

namespace AfterSales.Http.Contracts;

#pragma warning disable CS1591 // HTTP contracts: the OpenAPI document describes them.

public sealed record PingResponse(string Status);

public sealed record PolicyResponse(
    string Id,
    int Version,
    string Key,
    string Name,
    string SeverityScale,
    IReadOnlyList<SeverityLevelResponse> SeverityLevels,
    Duration ObservationPeriod,
    IReadOnlyList<TargetResponse> Targets,
    bool Shared);

/// <summary>The answer of <c>POST /policies/validate</c> for a valid document: what a PUT would save.</summary>
public sealed record PolicyValidationResponse(bool Valid, string Id, string Name, int Targets, IReadOnlyList<string> Calendars);

public sealed record SeverityLevelResponse(string Code, int Rank, string NameZh, string NameEn, string Description);

public sealed record TargetResponse(string Metric, string Amount, IReadOnlyList<string> SeverityCodes, string Calendar, string StartsAt, IReadOnlyList<int> WarningPercents, string Description);

/// <summary>
/// The body of <c>POST /business-time</c>: a calendar (a preset id, or a definition), a start and an
/// amount of business time or of working days (exactly one of each pair).
/// </summary>
public sealed record BusinessTimeRequest
{
    /// <summary>A calendar of the catalog by id (24x7-beijing, mon-fri-9-18-beijing, cn-statutory-9-18, or the tenant's own when the request names its tenant): its latest version.</summary>
    public string? Calendar { get; init; }

    /// <summary>A calendar of your own, instead of a preset.</summary>
    public CalendarDefinition? Definition { get; init; }

    public required Instant Start { get; init; }

    /// <summary>Business time to add, e.g. PT8H.</summary>
    public Duration? BusinessTime { get; init; }

    /// <summary>Working days to add (工作日).</summary>
    public int? WorkingDays { get; init; }
}

public sealed record CalendarDefinition
{
    /// <summary>A name for the explanation; "custom" when omitted.</summary>
    public string? Name { get; init; }

    /// <summary>An IANA time zone id, e.g. Asia/Shanghai.</summary>
    public required DateTimeZone Zone { get; init; }

    /// <summary>Working hours per weekday: every entry of a day counts (a day with a lunch break is two entries); entries of a day must not overlap; a day without entries is not a working day.</summary>
    public required IReadOnlyList<WeeklyHours> WeeklyHours { get; init; }

    /// <summary>Dates that are not worked.</summary>
    public IReadOnlyList<LocalDate>? Holidays { get; init; }
}

public sealed record WeeklyHours
{
    /// <summary>Monday … Sunday.</summary>
    [WireEnum(typeof(IsoDayOfWeek), nameof(IsoDayOfWeek.None))]
    public required string Day { get; init; }

    /// <summary>Opening time, HH:mm or HH:mm:ss, e.g. 09:00.</summary>
    public required LocalTime Start { get; init; }

    /// <summary>Closing time, HH:mm or HH:mm:ss, e.g. 18:00; 00:00 means the end of the day (24:00).</summary>
    public required LocalTime End { get; init; }
}

/// <summary>
/// The answer of <c>POST /business-time</c>. <c>provisional</c> is true when the span reached a year
/// the calendar has no holiday data for, counted as plain weeks (the explanation names the year).
/// </summary>
public sealed record BusinessTimeResponse(string Calendar, Instant Start, Instant Due, IReadOnlyList<string> Explanation, string CalendarKey, bool Provisional);
