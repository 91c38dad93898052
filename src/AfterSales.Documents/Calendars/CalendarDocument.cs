using System.Text.Json.Serialization;

namespace AfterSales.Documents.Calendars;

/// <summary>
/// A business calendar as JSON (日历文档), the shape of <c>calendar.schema.json</c>: id, version (read
/// only), name, IANA zone, weekly hours, and per year the holidays and extra working days (调休).
/// Convert it with <see cref="CalendarDocuments"/>; read untrusted JSON with
/// <see cref="CalendarDocuments.ReadDefinition(System.Text.Json.JsonElement)"/>, which validates it first.
/// </summary>
public sealed record CalendarDocument
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

    /// <summary>An IANA time-zone id.</summary>
    public required string Zone { get; init; }

    /// <summary>Where the data comes from.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }

    /// <summary>The working ranges per weekday.</summary>
    public required WeeklyHoursDocument WeeklyHours { get; init; }

    /// <summary>The years with holiday data.</summary>
    public IReadOnlyList<HolidayYearDocument>? Years { get; init; }
}

/// <summary>Working ranges per weekday; a day left out is a day off.</summary>
public sealed record WeeklyHoursDocument
{
    /// <summary>Monday's ranges.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TimeRangeDocument>? Monday { get; init; }

    /// <summary>Tuesday's ranges.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TimeRangeDocument>? Tuesday { get; init; }

    /// <summary>Wednesday's ranges.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TimeRangeDocument>? Wednesday { get; init; }

    /// <summary>Thursday's ranges.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TimeRangeDocument>? Thursday { get; init; }

    /// <summary>Friday's ranges.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TimeRangeDocument>? Friday { get; init; }

    /// <summary>Saturday's ranges.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TimeRangeDocument>? Saturday { get; init; }

    /// <summary>Sunday's ranges.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TimeRangeDocument>? Sunday { get; init; }

    internal IReadOnlyList<TimeRangeDocument>? On(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => Monday,
        IsoDayOfWeek.Tuesday => Tuesday,
        IsoDayOfWeek.Wednesday => Wednesday,
        IsoDayOfWeek.Thursday => Thursday,
        IsoDayOfWeek.Friday => Friday,
        IsoDayOfWeek.Saturday => Saturday,
        _ => Sunday,
    };
}

/// <summary>A working range <c>[start, end)</c> in local time, <c>HH:mm</c>; <c>end</c> may be <c>24:00</c>.</summary>
public sealed record TimeRangeDocument
{
    /// <summary>The opening time, e.g. <c>09:00</c>.</summary>
    public required string Start { get; init; }

    /// <summary>The closing time, e.g. <c>18:00</c> or <c>24:00</c>.</summary>
    public required string End { get; init; }
}

/// <summary>One year's holidays and extra working days; the body of <c>PUT /calendars/{id}/years/{year}</c>.</summary>
public sealed record HolidayYearDocument
{
    /// <summary>The year; required inside a calendar, optional in a year's own document (the route names it).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Year { get; init; }

    /// <summary>Where the year's data comes from.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }

    /// <summary>The holidays.</summary>
    public IReadOnlyList<HolidayDocument>? Holidays { get; init; }

    /// <summary>The extra working days (调休) with their hours.</summary>
    public IReadOnlyList<ExtraWorkingDayDocument>? ExtraWorkingDays { get; init; }
}

/// <summary>A holiday: a date and its name.</summary>
public sealed record HolidayDocument
{
    /// <summary>The date, <c>yyyy-MM-dd</c>.</summary>
    public required string Date { get; init; }

    /// <summary>The name as published, e.g. <c>春节</c>.</summary>
    public required string Name { get; init; }

    /// <summary>An English name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NameEn { get; init; }
}

/// <summary>An extra working day (调休): a date, its occasion and its hours.</summary>
public sealed record ExtraWorkingDayDocument
{
    /// <summary>The date, <c>yyyy-MM-dd</c>.</summary>
    public required string Date { get; init; }

    /// <summary>The occasion, e.g. the holiday it makes up for.</summary>
    public required string Name { get; init; }

    /// <summary>An English name.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NameEn { get; init; }

    /// <summary>The day's working ranges.</summary>
    public required IReadOnlyList<TimeRangeDocument> Hours { get; init; }
}
