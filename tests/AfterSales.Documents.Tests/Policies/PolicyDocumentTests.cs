using System.Text.Json;
using AfterSales.Calendars;
using AfterSales.Documents.Policies;
using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.Testing;

namespace AfterSales.Documents.Tests.Policies;

public class PolicyDocumentTests
{
    private static readonly Func<string, BusinessCalendar?> Calendars = PolicyPresets.PresetCalendar;

    [Fact]
    public void Write_ThenRead_PolicyWithEveryOption_RoundTrips()
    {
        var partsArrived = new Milestone("parts-arrived", "配件到货", "parts arrived");
        var partsMetric = new SlaMetric("parts", "配件时限", "parts delivery", partsArrived, restartsOnReopen: false, [Milestone.Cancelled]);
        var policy = SlaPolicy.CreateBuilder("custom", 3, "Custom contract", SeverityScales.UrgentToNormal)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .WithWarnings(80)
            .WithObservationPeriod(Duration.FromDays(3))
            .WithReclassification(ReclassificationRule.RestartAtChange)
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Minutes(90), t => t.ForSeverities("urgent").ForChannels(ReportChannel.Phone, ReportChannel.Fax)
                .ForSites(SiteLocality.Travel).ForDistance(100, 500).On(SlaPresets.TwentyFourSevenBeijing).WarnAt(25, 50).NotPausedWhileWaitingForCustomer().Describe("到场"))
            .AddTarget(SlaMetric.Resolved, SlaAmount.OfWorkingDays(2), t => t.ForAllSeverities().From(Milestone.ArrivedOnSite))
            .AddTarget(SlaMetric.LoanerProvided, SlaAmount.OfBusinessTime(Duration.FromSeconds(3725)), t => t.ForSeverities("serious").From(Milestone.FaultOccurred)
                .WaivedWhen(Milestone.ServiceRestored, Duration.FromHours(5)))
            .AddTarget(partsMetric, SlaAmount.Hours(30), t => t.ForSeverities("normal").From(Milestone.Responded))
            .Build();

        var json = PolicyDocuments.Write(policy);
        var read = PolicyDocuments.ReadPolicy(json, Calendars);

        Assert.True(read.Success, string.Join("; ", read.Errors));
        Assert.Equal(PolicyFingerprint.Of(policy.WithVersion(1)), PolicyFingerprint.Of(read.Value));
        Assert.Contains("\"businessTime\":\"PT1H2M5S\"", json, StringComparison.Ordinal);
        Assert.Contains("\"businessTime\":\"PT30H\"", json, StringComparison.Ordinal);
        Assert.Contains("\"observationPeriod\":\"P3D\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reclassification\":\"RestartAtChange\"", json, StringComparison.Ordinal);
        Assert.Contains("\"milestones\":[{\"code\":\"parts-arrived\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NamesMostCommonCalendarAndWarningsOnce()
    {
        var document = PolicyDocuments.ToDocument(SlaPresets.KioskHardware000);

        Assert.Equal("24x7-beijing", document.Calendar);
        Assert.Equal([50, 75, 90], document.Warnings);
        Assert.Equal("cn-statutory-9-18", Assert.Single(document.Targets, t => t.Calendar is not null).Calendar);
        Assert.All(document.Targets, t => Assert.Null(t.Warnings));
    }

    [Fact]
    public void ReadPolicy_SchemaErrors_EveryOneByPath()
    {
        var json = """
            {
              "id": "bad id",
              "name": "x",
              "severityScale": { "code": "s", "name": "s", "levels": [{ "code": "1", "nameZh": "一", "nameEn": "one" }] },
              "targets": [
                { "metric": "resolved", "severities": ["1"], "amount": { "businessTime": "2 hours" } },
                { "metric": "resolved", "severities": [], "amount": { "businessTime": "PT2H", "workingDays": 1 }, "channels": ["Pigeon"] }
              ],
              "colour": "red"
            }
            """;

        var read = PolicyDocuments.ReadPolicy(json, Calendars);

        Assert.False(read.Success);
        var paths = read.ErrorsByPath().Keys.ToHashSet();
        Assert.Contains("$.id", paths);
        Assert.Contains("$.targets[0].amount.businessTime", paths);
        Assert.Contains("$.targets[1].severities", paths);
        Assert.Contains("$.targets[1].amount", paths);
        Assert.Contains("$.targets[1].channels[0]", paths);
        Assert.Contains("$.colour", paths);
    }

    [Fact]
    public void ReadPolicy_DomainErrors_EveryTargetByPath()
    {
        var json = """
            {
              "id": "p",
              "name": "x",
              "severityScale": { "code": "s", "name": "s", "levels": [{ "code": "1", "nameZh": "一", "nameEn": "one" }, { "code": "1", "nameZh": "二", "nameEn": "two" }] },
              "targets": []
            }
            """;
        var scale = PolicyDocuments.ReadPolicy(json, Calendars);
        Assert.Equal(["$.severityScale.levels"], scale.ErrorsByPath().Keys);

        json = """
            {
              "id": "p",
              "name": "x",
              "calendar": "24x7-beijing",
              "severityScale": { "code": "s", "name": "s", "levels": [{ "code": "1", "nameZh": "一", "nameEn": "one" }] },
              "targets": [
                { "metric": "on-site-arrival", "severities": ["9"], "amount": { "businessTime": "PT2H" } },
                { "metric": "on-site-arrival", "severities": ["1"], "amount": { "businessTime": "PT2H" }, "from": "arrived-on-site" },
                { "metric": "on-site-arrival", "severities": ["1"], "amount": { "businessTime": "PT2H" }, "distanceKm": { "min": 500, "max": 100 } },
                { "metric": "teleport", "severities": ["1"], "amount": { "businessTime": "PT2H" }, "calendar": "mars" },
                { "metric": "loaner", "severities": ["1"], "amount": { "businessTime": "PT2H" }, "waiver": { "milestone": "service-restored", "within": "PT0S" } }
              ]
            }
            """;

        var read = PolicyDocuments.ReadPolicy(json, Calendars);

        var errors = read.ErrorsByPath();
        Assert.Contains("'9' is not a level", Assert.Single(errors["$.targets[0].severities"]), StringComparison.Ordinal);
        Assert.Contains("cannot start at", Assert.Single(errors["$.targets[1].from"]), StringComparison.Ordinal);
        Assert.Contains("upper bound", Assert.Single(errors["$.targets[2].distanceKm"]), StringComparison.Ordinal);
        Assert.Contains("not a known metric", Assert.Single(errors["$.targets[3].metric"]), StringComparison.Ordinal);
        Assert.Contains("no calendar 'mars'", Assert.Single(errors["$.targets[3].calendar"]), StringComparison.Ordinal);
        Assert.Contains("waiver window must be positive", Assert.Single(errors["$.targets[4].waiver.within"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPolicy_TargetWithoutCalendar_SaysSo()
    {
        var json = """
            { "id": "p", "name": "x", "severityScale": { "code": "s", "name": "s", "levels": [{ "code": "1", "nameZh": "一", "nameEn": "one" }] },
              "targets": [ { "metric": "resolved", "severities": ["1"], "amount": { "workingDays": 1 } } ] }
            """;

        var read = PolicyDocuments.ReadPolicy(json, Calendars);

        Assert.Contains("needs a calendar", Assert.Single(read.ErrorsByPath()["$.targets[0].calendar"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPolicy_MalformedJson_IsAnErrorAtTheRoot()
    {
        var read = PolicyDocuments.ReadPolicy("{ \"id\": ", Calendars);
        Assert.Equal(["$"], read.ErrorsByPath().Keys);
    }

    [Fact]
    public void SchemaText_IsTheDraft202012SchemaOfPolicies()
    {
        using var schema = JsonDocument.Parse(PolicyDocuments.SchemaText);
        Assert.Equal("urn:aftersales-kit:schemas:sla-policy", schema.RootElement.GetProperty("$id").GetString());
    }
}

/// <summary>Issue 17's additions to the document: each one reads back equal.</summary>
public class PolicyDocumentIssue17Tests
{
    [Fact]
    public void CloseOfWorkingDayAndCalendarPeriod_RoundTrip_AndABadPeriodIsAnErrorByPath()
    {
        var policy = SlaPolicy.CreateBuilder("kinds", 1, "kinds", AfterSales.Severity.SeverityScales.SingleLevel)
            .WithCalendar(AfterSales.Calendars.ChinaCalendars.Statutory9To18)
            .AddTarget(SlaMetric.Resolved, SlaAmount.UntilCloseOfWorkingDay(2), t => t.ForAllSeverities())
            .AddTarget(SlaMetric.RepairPlan, SlaAmount.OfCalendarPeriod(Period.FromMonths(1) + Period.FromDays(3)), t => t.ForAllSeverities())
            .Build();

        var json = PolicyDocuments.Write(policy);
        var read = PolicyDocuments.ReadPolicy(json, PolicyPresets.PresetCalendar);
        var bad = PolicyDocuments.ReadPolicy(json.Replace("\"P1M3D\"", "\"PT5H\"", StringComparison.Ordinal), PolicyPresets.PresetCalendar);

        Assert.Contains("\"closeOfWorkingDay\":2", json, StringComparison.Ordinal);
        Assert.Contains("\"calendarPeriod\":\"P1M3D\"", json, StringComparison.Ordinal);
        Assert.Equal(PolicyFingerprint.Of(policy), PolicyFingerprint.Of(read.Value));
        Assert.Contains("$.targets[1].amount.calendarPeriod", bad.ErrorsByPath().Keys);
    }
}

/// <summary>Escalation levels in the document (issue 17 §2).</summary>
public class PolicyDocumentEscalationTests
{
    [Fact]
    public void EscalationLevels_R_CP_5_RoundTrip_AndTwoWaysOfSayingWhenAreAnErrorByPath()
    {
        var policy = SlaPolicy.CreateBuilder("esc", 1, "esc", AfterSales.Severity.SeverityScales.SingleLevel)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.FirstResponse, SlaAmount.Minutes(30), t => t.ForAllSeverities().EscalateAt(
                SlaEscalationLevel.Before("QA", Duration.FromMinutes(10), EscalationCounting.BusinessTime, "qa"),
                SlaEscalationLevel.AtPercent("PM", 100, "pm"),
                SlaEscalationLevel.After("leadership", Duration.FromHours(1), EscalationCounting.ElapsedTime, "leadership", "decision-makers")))
            .Build();

        var json = PolicyDocuments.Write(policy);
        var read = PolicyDocuments.ReadPolicy(json, PolicyPresets.PresetCalendar);
        var both = PolicyDocuments.ReadPolicy(json.Replace("\"percent\":100", "\"percent\":100,\"after\":\"PT1H\"", StringComparison.Ordinal), PolicyPresets.PresetCalendar);

        Assert.Contains("{\"name\":\"QA\",\"notify\":[\"qa\"],\"before\":\"PT10M\"}", json, StringComparison.Ordinal);
        Assert.Contains("\"counting\":\"ElapsedTime\"", json, StringComparison.Ordinal);
        Assert.Equal(PolicyFingerprint.Of(policy), PolicyFingerprint.Of(read.Value));
        Assert.Contains("$.targets[0].escalations[1]", both.ErrorsByPath().Keys);
    }
}

/// <summary>Conventions in the document (issue 17 §5).</summary>
public class PolicyDocumentConventionTests
{
    [Fact]
    public void Conventions_RoundTrip_DefaultsLeftOut()
    {
        var chosen = new SlaConventions { BudgetEndingAtClose = BudgetEndingAtClose.NextOpening, Rounding = DurationRounding.Minute };
        var policy = SlaPolicy.CreateBuilder("conv", 1, "conv", AfterSales.Severity.SeverityScales.SingleLevel)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .WithConventions(chosen)
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(4), t => t.ForAllSeverities())
            .Build();

        var json = PolicyDocuments.Write(policy);

        Assert.Contains("\"conventions\":{\"budgetEndingAtClose\":\"NextOpening\",\"rounding\":\"Minute\"}", json, StringComparison.Ordinal);
        Assert.Equal(chosen, PolicyDocuments.ReadPolicy(json, PolicyPresets.PresetCalendar).Value.Conventions);
        Assert.DoesNotContain("conventions", PolicyDocuments.Write(SlaPresets.Cctv004), StringComparison.Ordinal);
    }
}

/// <summary>Regressions found running the service by hand.</summary>
public class PolicyDocumentRegressionTests
{
    /// <summary>A valid escalation level in an otherwise invalid document is not reported (the schema's branches that did not apply are not errors).</summary>
    [Fact]
    public void SchemaError_Elsewhere_ValidEscalationsAreNotReported()
    {
        var json = """
            { "id": "p", "name": "x", "calendar": "24x7-beijing",
              "severityScale": { "code": "s", "name": "s", "levels": [{ "code": "1", "nameZh": "一", "nameEn": "one" }] },
              "targets": [
                { "metric": "first-response", "severities": ["1"], "amount": { "businessTime": "PT30M" },
                  "escalations": [ { "name": "QA", "notify": ["qa"], "before": "PT10M" }, { "name": "PM", "notify": ["pm"], "percent": 100 } ] },
                { "metric": "repair-plan", "severities": ["1"], "amount": { "calendarPeriod": "one month" } } ] }
            """;

        var read = PolicyDocuments.ReadPolicy(json, PolicyPresets.PresetCalendar);

        Assert.Equal(["$.targets[1].amount.calendarPeriod"], read.ErrorsByPath().Keys);
    }

    [Fact]
    public void Write_PolicyWithoutWarnings_WritesNoEmptyLists()
    {
        var policy = SlaPolicy.CreateBuilder("w", 1, "w", AfterSales.Severity.SeverityScales.SingleLevel)
            .WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(4), t => t.ForAllSeverities())
            .Build();

        Assert.DoesNotContain("warnings", PolicyDocuments.Write(policy), StringComparison.Ordinal);
    }
}

/// <summary>Clocks that restart, typed pauses and negotiated dates in the document (issue 17 §3–§4).</summary>
public class PolicyDocumentClockRestartTests
{
    [Fact]
    public void PauseReasonsPausedByRecurringMetricsNegotiationAndReopening_RoundTrip_DefaultsLeftOut()
    {
        var freeze = new PauseReason("change-freeze", "客户封网期", "the customer's change freeze");
        var chatMessage = new Milestone("chat-message", "在线消息", "chat message");
        var chat = SlaMetric.Recurring("chat-reply", "在线回复时限", "chat reply", chatMessage, Milestone.AgentAnswered, [Milestone.Cancelled]);
        var policy = SlaPolicy.CreateBuilder("restart", 1, "restart", AfterSales.Severity.SeverityScales.SingleLevel)
            .WithCalendar(ChinaCalendars.Statutory9To18)
            .WithPauseReasons(freeze)
            .WithNegotiatedDueDates(NegotiatedDueDates.MayBeEarlier)
            .WithReopening(ReopeningRule.ContinueClock)
            .AddTarget(SlaMetric.NextResponse, SlaAmount.Hours(2), static t => t.ForAllSeverities())
            .AddTarget(chat, SlaAmount.Minutes(15), static t => t.ForAllSeverities().On(SlaPresets.TwentyFourSevenBeijing))
            .AddTarget(SlaMetric.Resolved, SlaAmount.Hours(8), t => t.ForAllSeverities().PausedOnlyBy(PauseReason.ManufacturerParts, freeze))
            .AddTarget(SlaMetric.RepairPlan, SlaAmount.ByAgreement, static t => t.ForAllSeverities())
            .Build();

        var json = PolicyDocuments.Write(policy);
        var read = PolicyDocuments.ReadPolicy(json, PolicyPresets.PresetCalendar);

        Assert.Contains("\"amount\":{\"byAgreement\":true}", json, StringComparison.Ordinal);
        Assert.True(read.Success, string.Join("; ", read.Errors));
        Assert.Equal(PolicyFingerprint.Of(policy), PolicyFingerprint.Of(read.Value));
        Assert.Contains("\"negotiatedDueDates\":\"MayBeEarlier\",\"reopening\":\"ContinueClock\",\"pauseReasons\":[{\"code\":\"change-freeze\"", json, StringComparison.Ordinal);
        Assert.Contains("\"pausedBy\":[\"manufacturer-parts\",\"change-freeze\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"recursOn\":\"chat-message\"", json, StringComparison.Ordinal);
        Assert.Contains("{\"metric\":\"next-response\",", json, StringComparison.Ordinal); // well known: named by code alone
        var preset = PolicyDocuments.Write(SlaPresets.Cctv004);
        Assert.DoesNotContain("pausedBy", preset, StringComparison.Ordinal);
        Assert.DoesNotContain("negotiatedDueDates", preset, StringComparison.Ordinal);
        Assert.DoesNotContain("reopening", preset, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPauseReasonsAndBadRecurringMetrics_AreErrorsByPath()
    {
        const string Json = """
            {
              "id": "bad", "name": "bad", "calendar": "cn-statutory-9-18",
              "severityScale": { "code": "s", "name": "s", "levels": [ { "code": "1", "nameZh": "一级", "nameEn": "one" } ] },
              "pauseReasons": [ { "code": "manufacturer-parts", "nameZh": "x", "nameEn": "x" } ],
              "metrics": [ { "code": "echo", "nameZh": "x", "nameEn": "x", "stoppedBy": "agent-answered", "recursOn": "agent-answered", "restartsOnReopen": true } ],
              "reopening": "ContinueClock",
              "targets": [
                { "metric": "resolved", "severities": ["1"], "amount": { "businessTime": "PT8H" }, "pausedBy": ["typhoon"] },
                { "metric": "resolved", "severities": ["1"], "amount": { "businessTime": "PT8H" }, "pausedBy": ["manufacturer-parts"], "pausesWhileWaitingForCustomer": false },
                { "metric": "next-response", "severities": ["1"], "amount": { "businessTime": "PT2H" }, "from": "responded" }
              ]
            }
            """;

        var errors = PolicyDocuments.ReadPolicy(Json, PolicyPresets.PresetCalendar).ErrorsByPath();

        Assert.Contains("$.pauseReasons[0].code", errors.Keys);
        Assert.Contains("$.metrics[0].restartsOnReopen", errors.Keys);
        Assert.Contains("$.metrics[0].recursOn", errors.Keys);
        Assert.Contains("$.targets[0].pausedBy[0]", errors.Keys);
        Assert.Contains("$.targets[1].pausedBy", errors.Keys);
        Assert.Contains("$.targets[2].from", errors.Keys);
        Assert.Contains("typhoon", errors["$.targets[0].pausedBy[0]"].Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"negotiatedDueDates\": \"Sometimes\"", "$.negotiatedDueDates")]
    [InlineData("\"reopening\": \"Never\"", "$.reopening")]
    public void BadEnumValues_AreSchemaErrorsByPath(string member, string path)
    {
        var json = "{ \"id\": \"bad\", \"name\": \"bad\", " + member + ", \"severityScale\": { \"code\": \"s\", \"name\": \"s\", \"levels\": [ { \"code\": \"1\", \"nameZh\": \"一级\", \"nameEn\": \"one\" } ] }, \"targets\": [] }";

        Assert.Contains(path, PolicyDocuments.ReadPolicy(json, PolicyPresets.PresetCalendar).ErrorsByPath().Keys);
    }
}
