using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Calendars;
using NodaTime.Text;

namespace AfterSales.Documents.Calendars;

/// <summary>
/// Reads and writes calendar documents (日历文档转换): validates JSON against the published
/// <c>calendar.schema.json</c> first, then builds the domain's <see cref="CalendarDefinition"/> or
/// <see cref="HolidayYear"/> — whose own checks (overlapping or reversed ranges, a holiday that is
/// also a working day, an unknown zone, a year outside 1900–2099, a date not in the year named)
/// come back as errors by JSON path too. <see cref="ToDocument(CalendarDefinition)"/> writes a
/// document that reading gives back unchanged.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class CalendarDocuments
{
    /// <summary>The file name of the calendar schema, embedded and packed under <c>schemas/</c>.</summary>
    public const string SchemaFileName = "calendar.schema.json";

    private static readonly Lazy<SchemaValidator> Calendar = new(() => SchemaValidator.For(SchemaFileName));
    private static readonly Lazy<SchemaValidator> Year = new(() => SchemaValidator.For(SchemaFileName, "holidayYear"));
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    /// <summary>The options documents are read and written with: camelCase, nulls left out, comments and trailing commas refused.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateOptions();

    /// <summary>The JSON Schema (draft 2020-12) of calendar documents, as published.</summary>
    public static string SchemaText => SchemaValidator.Text(SchemaFileName);

    /// <summary>
    /// Reads a calendar document: schema first, then the domain's checks; every error by JSON path.
    /// The document's <c>version</c> is ignored (the result is version 1; a catalog assigns the next).
    /// </summary>
    /// <param name="json">The document.</param>
    /// <returns>The definition, or the errors.</returns>
    public static DocumentResult<CalendarDefinition> ReadDefinition(JsonElement json) =>
        Calendar.Value.Read<CalendarDocument, CalendarDefinition>(json, SerializerOptions, ToDefinition);

    /// <summary>
    /// Reads one year's document (<c>$defs/holidayYear</c>, the body of <c>PUT …/years/{year}</c>):
    /// schema first, then the domain's checks. A <c>year</c> in the document must equal <paramref name="year"/>.
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="year">The year it is for.</param>
    /// <returns>The year's data, or the errors.</returns>
    public static DocumentResult<HolidayYear> ReadYear(JsonElement json, int year) =>
        Year.Value.Read<HolidayYearDocument, HolidayYear>(json, SerializerOptions, document =>
        {
            var errors = new List<DocumentError>();
            if (document.Year is { } named && named != year)
            {
                errors.Add(new DocumentError("$.year", string.Create(CultureInfo.InvariantCulture, $"year is {named} but the document is for {year}; leave it out or make them equal.")));
            }

            var result = ToYear(document, year, "$", errors);
            return result is not null && errors.Count == 0 ? DocumentResult<HolidayYear>.Valid(result) : DocumentResult<HolidayYear>.Invalid(errors);
        });

    /// <summary>Converts a document already in memory (e.g. built in code) to a definition: the domain's checks, by JSON path.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The definition, or the errors.</returns>
    public static DocumentResult<CalendarDefinition> ToDefinition(CalendarDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<DocumentError>();
        var builder = CalendarDefinition.CreateBuilder(document.Id, document.Name, document.Zone).WithSource(document.Source);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Sunday; day++)
        {
            var ranges = Ranges(document.WeeklyHours?.On(day), "$.weeklyHours." + CalendarDefinitionBuilder.DayName(day), errors);
            if (ranges.Length > 0)
            {
                builder.WithHours(day, ranges);
            }
        }

        var years = document.Years ?? [];
        var documentIndex = new List<int>(); // the builder's years[k] is the document's years[documentIndex[k]]
        for (var i = 0; i < years.Count; i++)
        {
            var root = string.Create(CultureInfo.InvariantCulture, $"$.years[{i}]");
            var year = ToYear(years[i], years[i].Year ?? 0, root, errors);
            if (year is null && years[i].Year is { } number)
            {
                // Keep the year's place, so a year listed twice is still found.
                try
                {
                    year = HolidayYear.Create(number, [], []);
                }
                catch (InvalidDefinitionException)
                {
                }
            }

            if (year is not null)
            {
                builder.WithYear(year);
                documentIndex.Add(i);
            }
        }

        try
        {
            var definition = builder.Build();
            return errors.Count == 0 ? DocumentResult<CalendarDefinition>.Valid(definition) : DocumentResult<CalendarDefinition>.Invalid(errors);
        }
        catch (InvalidDefinitionException ex)
        {
            errors.AddRange(ex.Issues.Select(i => new DocumentError(SchemaValidator.FromDomainPath("$", YearIndex(i.Path, documentIndex)), i.Message)));
            return DocumentResult<CalendarDefinition>.Invalid(errors);
        }
    }

    /// <summary>The document of <paramref name="definition"/>, with its version and the schema named.</summary>
    /// <param name="definition">The definition.</param>
    public static CalendarDocument ToDocument(CalendarDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new CalendarDocument
        {
            Schema = "urn:aftersales-kit:schemas:calendar",
            Id = definition.Id,
            Version = definition.Version,
            Name = definition.Name,
            Zone = definition.Zone.Id,
            Source = definition.Source,
            WeeklyHours = new WeeklyHoursDocument
            {
                Monday = Hours(definition.HoursOn(IsoDayOfWeek.Monday)),
                Tuesday = Hours(definition.HoursOn(IsoDayOfWeek.Tuesday)),
                Wednesday = Hours(definition.HoursOn(IsoDayOfWeek.Wednesday)),
                Thursday = Hours(definition.HoursOn(IsoDayOfWeek.Thursday)),
                Friday = Hours(definition.HoursOn(IsoDayOfWeek.Friday)),
                Saturday = Hours(definition.HoursOn(IsoDayOfWeek.Saturday)),
                Sunday = Hours(definition.HoursOn(IsoDayOfWeek.Sunday)),
            },
            Years = [.. definition.Years.Select(ToDocument)],
        };
    }

    /// <summary>The document of one year's data.</summary>
    /// <param name="year">The year's data.</param>
    public static HolidayYearDocument ToDocument(HolidayYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new HolidayYearDocument
        {
            Year = year.Year,
            Source = year.Source,
            Holidays = [.. year.Holidays.Select(static d => new HolidayDocument { Date = Date(d.Date), Name = d.Name, NameEn = d.NameEn })],
            ExtraWorkingDays = [.. year.ExtraWorkingDays.Select(static d => new ExtraWorkingDayDocument { Date = Date(d.Date), Name = d.Name, NameEn = d.NameEn, Hours = Hours(d.Hours)! })],
        };
    }

    /// <summary>The document of <paramref name="definition"/> as JSON text.</summary>
    /// <param name="definition">The definition.</param>
    public static string Write(CalendarDefinition definition) => JsonSerializer.Serialize(ToDocument(definition), SerializerOptions);

    /// <summary>Reads JSON text into a definition; <see cref="ReadDefinition(JsonElement)"/> for text.</summary>
    /// <param name="json">The document's text.</param>
    /// <returns>The definition, or the errors (malformed JSON is an error at <c>$</c>).</returns>
    public static DocumentResult<CalendarDefinition> ReadDefinition(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return ReadDefinition(document.RootElement);
        }
        catch (JsonException ex)
        {
            return DocumentResult<CalendarDefinition>.Invalid([new DocumentError("$", "The document is not valid JSON: " + ex.Message)]);
        }
    }

    private static string YearIndex(string path, List<int> documentIndex)
    {
        const string Prefix = "years[";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return path;
        }

        var close = path.IndexOf(']', StringComparison.Ordinal);
        var k = int.Parse(path.AsSpan(Prefix.Length, close - Prefix.Length), CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{Prefix}{documentIndex[k]}{path[close..]}");
    }

    private static HolidayYear? ToYear(HolidayYearDocument document, int year, string root, List<DocumentError> errors)
    {
        var before = errors.Count;
        var holidays = new List<CalendarDay>();
        var holidayList = document.Holidays ?? [];
        for (var i = 0; i < holidayList.Count; i++)
        {
            var h = holidayList[i];
            var path = SchemaValidator.Index(root, "holidays", i);
            if (ParseDate(h.Date, path + ".date", errors) is { } date)
            {
                Try(() => holidays.Add(CalendarDay.Holiday(date, h.Name, h.NameEn)), path, errors);
            }
        }

        var extra = new List<CalendarDay>();
        var extraList = document.ExtraWorkingDays ?? [];
        for (var i = 0; i < extraList.Count; i++)
        {
            var e = extraList[i];
            var path = SchemaValidator.Index(root, "extraWorkingDays", i);
            var hours = Ranges(e.Hours, path + ".hours", errors);
            if (ParseDate(e.Date, path + ".date", errors) is { } date)
            {
                Try(() => extra.Add(CalendarDay.ExtraWorkingDay(date, e.Name, e.NameEn, hours)), path, errors);
            }
        }

        if (errors.Count > before)
        {
            return null;
        }

        try
        {
            return HolidayYear.Create(year, holidays, extra, document.Source);
        }
        catch (InvalidDefinitionException ex)
        {
            errors.AddRange(ex.Issues.Select(i => new DocumentError(SchemaValidator.FromDomainPath(root, i.Path), i.Message)));
            return null;
        }
    }

    private static WorkingHours[] Ranges(IReadOnlyList<TimeRangeDocument>? ranges, string root, List<DocumentError> errors)
    {
        if (ranges is null)
        {
            return [];
        }

        var result = new List<WorkingHours>();
        for (var i = 0; i < ranges.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"{root}[{i}]");
            var r = ranges[i];
            var start = Time.Parse(r.Start);
            if (!start.Success)
            {
                errors.Add(new DocumentError(path + ".start", $"start must be a time HH:mm such as 09:00, was '{r.Start}'."));
                continue;
            }

            if (r.End == "24:00")
            {
                result.Add(WorkingHours.ToEndOfDay(start.Value));
                continue;
            }

            var end = Time.Parse(r.End);
            if (!end.Success)
            {
                errors.Add(new DocumentError(path + ".end", $"end must be a time HH:mm such as 18:00, or 24:00, was '{r.End}'."));
                continue;
            }

            if (end.Value <= start.Value)
            {
                errors.Add(new DocumentError(path, $"the range {r.Start}–{r.End} is reversed or empty: end must be later than start (a range to midnight ends at 24:00; one across midnight is two ranges on two days)."));
                continue;
            }

            result.Add(WorkingHours.Between(start.Value, end.Value));
        }

        return [.. result];
    }

    private static LocalDate? ParseDate(string text, string path, List<DocumentError> errors)
    {
        var parsed = LocalDatePattern.Iso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value;
        }

        errors.Add(new DocumentError(path, $"'{text}' is not a date yyyy-MM-dd of the calendar."));
        return null;
    }

    private static void Try(Action action, string path, List<DocumentError> errors)
    {
        try
        {
            action();
        }
        catch (ArgumentException ex)
        {
            errors.Add(new DocumentError(path, ex.Message.Split(" (Parameter", 2)[0]));
        }
    }

    private static List<TimeRangeDocument>? Hours(IReadOnlyList<WorkingHours> hours) =>
        hours.Count == 0 ? null : [.. hours.Select(static h => new TimeRangeDocument { Start = h.Start.ToString("HH:mm", CultureInfo.InvariantCulture), End = h.EndsAtEndOfDay ? "24:00" : h.End.ToString("HH:mm", CultureInfo.InvariantCulture) })];

    private static string Date(LocalDate date) => LocalDatePattern.Iso.Format(date);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    internal static JsonNode? Node(CalendarDocument document) => JsonSerializer.SerializeToNode(document, SerializerOptions);
}
