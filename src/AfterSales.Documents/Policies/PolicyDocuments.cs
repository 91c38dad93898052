using System.Globalization;
using System.Text;
using System.Text.Json;
using AfterSales.Calendars;
using AfterSales.Documents.Calendars;
using AfterSales.Severity;
using AfterSales.Sla;
using NodaTime.Text;

namespace AfterSales.Documents.Policies;

/// <summary>
/// Reads and writes SLA policy documents (服务级别协议文档转换): validates JSON against the published
/// <c>sla-policy.schema.json</c> first, then builds the domain's <see cref="SlaPolicy"/> — whose own
/// checks (a severity not on the scale, a clock that starts at the milestone that stops it, a
/// reversed distance band, an unknown metric, milestone or calendar) come back as errors by JSON path
/// too, every target checked. <see cref="ToDocument(SlaPolicy)"/> writes a document that reading
/// gives back equal, so <c>GET</c> then <c>PUT</c> of a policy is accepted unchanged.
/// </summary>
/// <remarks>
/// Calendars are named by id: reading resolves them with the function the caller gives (a tenant's
/// calendar catalog, or <see cref="CalendarPresets"/>). Thread-safe.
/// </remarks>
public static class PolicyDocuments
{
    /// <summary>The file name of the policy schema, embedded and packed under <c>schemas/</c>.</summary>
    public const string SchemaFileName = "sla-policy.schema.json";

    private const string SchemaId = "urn:aftersales-kit:schemas:sla-policy";
    private static readonly Lazy<SchemaValidator> Validator = new(() => SchemaValidator.For(SchemaFileName));

    /// <summary>The JSON Schema (draft 2020-12) of policy documents, as published.</summary>
    public static string SchemaText => SchemaValidator.Text(SchemaFileName);

    /// <summary>The options documents are read and written with (those of calendar documents).</summary>
    public static JsonSerializerOptions SerializerOptions => CalendarDocuments.SerializerOptions;

    /// <summary>Validates <paramref name="json"/> against the schema and reads the document; every schema error by JSON path.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The document, or the errors.</returns>
    public static DocumentResult<PolicyDocument> Read(JsonElement json) =>
        Validator.Value.Read<PolicyDocument, PolicyDocument>(json, SerializerOptions, DocumentResult<PolicyDocument>.Valid);

    /// <summary>Reads a policy: schema first, then the domain's checks; every error by JSON path. The result is version 1.</summary>
    /// <param name="json">The document.</param>
    /// <param name="calendars">Resolves a calendar id, or returns <see langword="null"/> for an unknown one.</param>
    public static DocumentResult<SlaPolicy> ReadPolicy(JsonElement json, Func<string, BusinessCalendar?> calendars)
    {
        var read = Read(json);
        return read.Success ? ToPolicy(read.Value, calendars) : DocumentResult<SlaPolicy>.Invalid(read.Errors);
    }

    /// <summary>Reads a policy from JSON text; malformed JSON is an error at <c>$</c>.</summary>
    /// <param name="json">The document's text.</param>
    /// <param name="calendars">Resolves a calendar id, or returns <see langword="null"/> for an unknown one.</param>
    public static DocumentResult<SlaPolicy> ReadPolicy(string json, Func<string, BusinessCalendar?> calendars)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return ReadPolicy(document.RootElement, calendars);
        }
        catch (JsonException ex)
        {
            return DocumentResult<SlaPolicy>.Invalid([new DocumentError("$", "The document is not valid JSON: " + ex.Message)]);
        }
    }

    /// <summary>The calendar ids a document names (the policy's and its targets'), each once, so a caller can fetch them before <see cref="ToPolicy"/>.</summary>
    /// <param name="document">The document.</param>
    public static IReadOnlyList<string> CalendarIds(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return [.. new[] { document.Calendar }.Concat(document.Targets.Select(static t => t.Calendar)).OfType<string>().Distinct(StringComparer.Ordinal)];
    }

    /// <summary>Builds the policy a document defines (version 1): the domain's checks, every target, by JSON path.</summary>
    /// <param name="document">The document (already schema-valid, or built in code).</param>
    /// <param name="calendars">Resolves a calendar id, or returns <see langword="null"/> for an unknown one.</param>
    public static DocumentResult<SlaPolicy> ToPolicy(PolicyDocument document, Func<string, BusinessCalendar?> calendars)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(calendars);
        return new PolicyReader(document, calendars).Read();
    }

    /// <summary>The document of <paramref name="policy"/>, with its version and the schema named. The most common calendar and warnings become the policy's defaults.</summary>
    /// <param name="policy">The policy.</param>
    public static PolicyDocument ToDocument(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var calendar = MostCommon(policy.Targets.Select(static t => t.Calendar.Id));
        var warnings = MostCommon(policy.Targets.Select(static t => string.Join(",", t.WarningPercents)));
        var defaultWarnings = policy.Targets.FirstOrDefault(t => string.Join(",", t.WarningPercents) == warnings)?.WarningPercents;
        defaultWarnings = defaultWarnings is { Count: 0 } ? null : defaultWarnings; // none is the default already
        var milestones = new List<Milestone>();
        var metrics = new List<SlaMetric>();
        foreach (var target in policy.Targets)
        {
            if (!IsWellKnown(target.Metric) && !metrics.Contains(target.Metric))
            {
                metrics.Add(target.Metric);
                Own(target.Metric.StoppedBy);
                target.Metric.EndedBy.ToList().ForEach(Own);
                if (target.Metric.RecursOn is { } recursOn)
                {
                    Own(recursOn);
                }
            }

            Own(target.StartAnchor);
            if (target.WaivedBy is { } waiver)
            {
                Own(waiver);
            }
        }

        return new PolicyDocument
        {
            Schema = SchemaId,
            Id = policy.Id,
            Version = policy.Version,
            Name = policy.Name,
            Language = policy.Language == ExplanationLanguage.English ? null : policy.Language.Code,
            SeverityScale = new SeverityScaleDocument
            {
                Code = policy.SeverityScale.Code,
                Name = policy.SeverityScale.Name,
                Levels = [.. policy.SeverityScale.Levels.Select(static l => new SeverityLevelDocument { Code = l.Code, NameZh = l.NameZh, NameEn = l.NameEn, Description = l.Description.Length == 0 ? null : l.Description })],
            },
            Calendar = calendar,
            Warnings = defaultWarnings is null ? null : [.. defaultWarnings],
            ObservationPeriod = policy.ObservationPeriod == Duration.Zero ? null : FormatDuration(policy.ObservationPeriod),
            Reclassification = policy.Reclassification == ReclassificationRule.KeepElapsed ? null : policy.Reclassification.ToString(),
            Conventions = policy.Conventions == SlaConventions.Default ? null : new ConventionsDocument
            {
                BudgetEndingAtClose = policy.Conventions.BudgetEndingAtClose == BudgetEndingAtClose.AtClose ? null : policy.Conventions.BudgetEndingAtClose.ToString(),
                WaitingBeforeFirstResponse = policy.Conventions.WaitingBeforeFirstResponse == WaitingBeforeFirstResponse.Pauses ? null : policy.Conventions.WaitingBeforeFirstResponse.ToString(),
                Rounding = policy.Conventions.Rounding == DurationRounding.Exact ? null : policy.Conventions.Rounding.ToString(),
            },
            NegotiatedDueDates = policy.NegotiatedDueDates == NegotiatedDueDates.NeverEarlierThanPolicy ? null : policy.NegotiatedDueDates.ToString(),
            Reopening = policy.Reopening == ReopeningRule.NewCycle ? null : policy.Reopening.ToString(),
            PauseReasons = policy.PauseReasons.Count == PauseReason.WellKnown.Count ? null
                : [.. policy.PauseReasons.Skip(PauseReason.WellKnown.Count).Select(static r => new PauseReasonDocument { Code = r.Code, NameZh = r.NameZh, NameEn = r.NameEn })],
            Milestones = milestones.Count == 0 ? null : [.. milestones.Select(static m => new MilestoneDocument { Code = m.Code, NameZh = m.NameZh, NameEn = m.NameEn })],
            Metrics = metrics.Count == 0 ? null : [.. metrics.Select(static m => new MetricDocument
            {
                Code = m.Code, NameZh = m.NameZh, NameEn = m.NameEn, StoppedBy = m.StoppedBy.Code, RestartsOnReopen = m.RestartsOnReopen, EndedBy = [.. m.EndedBy.Select(static e => e.Code)], RecursOn = m.RecursOn?.Code,
            })],
            Targets = [.. policy.Targets.Select(t => ToDocument(t, calendar, defaultWarnings))],
        };

        void Own(Milestone milestone)
        {
            if (!Milestone.WellKnown.Contains(milestone) && !milestones.Contains(milestone))
            {
                milestones.Add(milestone);
            }
        }
    }

    /// <summary>The document of <paramref name="policy"/> as JSON text.</summary>
    /// <param name="policy">The policy.</param>
    public static string Write(SlaPolicy policy) => JsonSerializer.Serialize(ToDocument(policy), SerializerOptions);

    /// <summary>An ISO 8601 duration: whole days as <c>P7D</c>, otherwise hours, minutes and seconds (<c>PT30H</c>, <c>PT15M</c>).</summary>
    internal static string FormatDuration(Duration duration)
    {
        if (duration == Duration.Zero)
        {
            return "PT0S";
        }

        if (duration.BclCompatibleTicks % TimeSpan.TicksPerDay == 0 && duration.SubsecondNanoseconds == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"P{(long)duration.TotalDays}D");
        }

        var text = new StringBuilder("PT");
        var hours = (long)Math.Floor(duration.TotalHours);
        var rest = duration - Duration.FromHours(hours);
        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours}H");
        }

        if (rest.Minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{rest.Minutes}M");
        }

        var seconds = rest - Duration.FromMinutes(rest.Minutes);
        if (seconds > Duration.Zero)
        {
            text.Append(seconds.SubsecondNanoseconds == 0
                ? string.Create(CultureInfo.InvariantCulture, $"{seconds.Seconds}S")
                : string.Create(CultureInfo.InvariantCulture, $"{seconds.TotalSeconds:0.#########}S"));
        }

        return text.ToString();
    }

    /// <summary>Parses an ISO 8601 duration of days (24 h each), hours, minutes and seconds.</summary>
    internal static Duration? ParseDuration(string text)
    {
        var parsed = PeriodPattern.NormalizingIso.Parse(text);
        return parsed.Success && parsed.Value.Years == 0 && parsed.Value.Months == 0 && parsed.Value.Weeks == 0
            ? parsed.Value.ToDuration()
            : null;
    }

    private static TargetDocument ToDocument(SlaTarget target, string? defaultCalendar, IReadOnlyList<int>? defaultWarnings) => new()
    {
        Metric = target.Metric.Code,
        Severities = [.. target.SeverityCodes],
        Channels = target.Conditions.Channels.Count == 0 ? null : [.. target.Conditions.Channels.Select(static c => c.ToString())],
        Sites = target.Conditions.Localities.Count == 0 ? null : [.. target.Conditions.Localities.Select(static l => l.ToString())],
        DistanceKm = target.Conditions.MinDistanceKm is null && target.Conditions.MaxDistanceKm is null
            ? null
            : new DistanceBandDocument { Min = target.Conditions.MinDistanceKm ?? 0, Max = target.Conditions.MaxDistanceKm },
        Amount = target.Amount.Unit switch
        {
            SlaAmountUnit.WorkingDays => new AmountDocument { WorkingDays = target.Amount.WorkingDays },
            SlaAmountUnit.CloseOfWorkingDay => new AmountDocument { CloseOfWorkingDay = target.Amount.WorkingDays },
            SlaAmountUnit.ByAgreement => new AmountDocument { ByAgreement = true },
            SlaAmountUnit.CalendarPeriod => new AmountDocument { CalendarPeriod = NodaTime.Text.PeriodPattern.Roundtrip.Format(target.Amount.CalendarPeriod!) },
            _ => new AmountDocument { BusinessTime = FormatDuration(target.Amount.BusinessTime) },
        },
        Calendar = target.Calendar.Id == defaultCalendar ? null : target.Calendar.Id,
        From = target.StartAnchor.Equals(Milestone.Reported) ? null : target.StartAnchor.Code,
        Warnings = defaultWarnings is null ? (target.WarningPercents.Count == 0 ? null : [.. target.WarningPercents])
            : target.WarningPercents.SequenceEqual(defaultWarnings) ? null : [.. target.WarningPercents],
        PausesWhileWaitingForCustomer = target.PausesWhileWaitingForCustomer ? null : false,
        PausedBy = target.PausedBy is { } reasons ? [.. reasons.Select(static r => r.Code)] : null,
        Waiver = target.WaivedBy is { } waiver ? new WaiverDocument { Milestone = waiver.Code, Within = FormatDuration(target.WaiverWindow) } : null,
        Description = target.Description.Length == 0 ? null : target.Description,
        Escalations = target.EscalationLevels.Count == 0 ? null : [.. target.EscalationLevels.Select(static l => new EscalationDocument
        {
            Name = l.Name,
            Notify = [.. l.Notify],
            Percent = l.Percent,
            Before = l.Percent is null && l.Offset < Duration.Zero ? FormatDuration(-l.Offset) : null,
            After = l.Percent is null && l.Offset >= Duration.Zero ? FormatDuration(l.Offset) : null,
            Counting = l.Percent is null && l.Counting != EscalationCounting.BusinessTime ? l.Counting.ToString() : null,
        })],
    };

    private static bool IsWellKnown(SlaMetric metric) =>
        SlaMetric.WellKnown.FirstOrDefault(m => m.Equals(metric)) is { } known
        && known.NameZh == metric.NameZh && known.NameEn == metric.NameEn && known.StoppedBy.Equals(metric.StoppedBy)
        && known.RestartsOnReopen == metric.RestartsOnReopen && known.EndedBy.SequenceEqual(metric.EndedBy) && Equals(known.RecursOn, metric.RecursOn);

    private static string? MostCommon(IEnumerable<string> values) =>
        values.GroupBy(static v => v, StringComparer.Ordinal).OrderByDescending(static g => g.Count()).Select(static g => g.Key).FirstOrDefault();

    internal static SeverityScale? Scale(SeverityScaleDocument document, List<DocumentError> errors)
    {
        try
        {
            return new SeverityScale(
                document.Code,
                document.Name,
                document.Levels.Select((l, i) => new SeverityLevel(l.Code, i + 1, l.NameZh, l.NameEn, l.Description ?? string.Empty)));
        }
        catch (ArgumentException ex)
        {
            errors.Add(new DocumentError("$.severityScale.levels", ex.Message.Split(" (Parameter", 2)[0]));
            return null;
        }
    }
}
