using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Calendars;
using AfterSales.Documents.Calendars;

namespace AfterSales.Documents.Tests.Calendars;

public class CalendarDocumentTests
{
    private static readonly string Valid = """
        {
          "id": "site-hours",
          "name": "Site hours",
          "zone": "Asia/Shanghai",
          "weeklyHours": {
            "monday": [ { "start": "09:00", "end": "12:00" }, { "start": "13:00", "end": "18:00" } ],
            "saturday": [ { "start": "20:00", "end": "24:00" } ]
          },
          "years": [
            {
              "year": 2027,
              "source": "test data",
              "holidays": [ { "date": "2027-02-08", "name": "春节", "nameEn": "Spring Festival" } ],
              "extraWorkingDays": [ { "date": "2027-02-06", "name": "春节", "hours": [ { "start": "09:00", "end": "18:00" } ] } ]
            }
          ]
        }
        """;

    [Theory]
    [MemberData(nameof(Presets))]
    public void Write_ThenRead_EveryPreset_GivesTheSameDocumentAndCalendar(string id)
    {
        var preset = CalendarPresets.All.Single(p => p.Id == id);
        var text = CalendarDocuments.Write(preset);

        var read = CalendarDocuments.ReadDefinition(text);

        Assert.True(read.Success, string.Join("\n", read.Errors));
        Assert.Equal(text, CalendarDocuments.Write(read.Value));
        for (var date = new LocalDate(2019, 1, 1); date <= new LocalDate(2026, 12, 31); date = date.PlusDays(1))
        {
            Assert.Equal(preset.Calendar.IsWorkingDay(date), read.Value.Calendar.IsWorkingDay(date));
        }
    }

    public static TheoryData<string> Presets() => [.. CalendarPresets.All.Select(static p => p.Id)];

    [Fact]
    public void ReadDefinition_ChinaPreset_R_SLA_7_KeepsEachYearsStateCouncilSource()
    {
        var read = CalendarDocuments.ReadDefinition(CalendarDocuments.Write(CalendarPresets.ChinaStatutory9To18)).Value;

        Assert.Contains("gov.cn", read.Year(2026)!.Source, StringComparison.Ordinal);
        Assert.Contains("cross-checked", read.Source, StringComparison.Ordinal);
        Assert.Equal([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026], read.Years.Select(static y => y.Year));
    }

    [Fact]
    public void ReadDefinition_ValidDocument_KeepsEveryRangeOfADayAnd2400()
    {
        var read = CalendarDocuments.ReadDefinition(Valid);

        Assert.True(read.Success, string.Join("\n", read.Errors));
        Assert.Equal(2, read.Value.HoursOn(IsoDayOfWeek.Monday).Count);
        Assert.True(read.Value.HoursOn(IsoDayOfWeek.Saturday)[0].EndsAtEndOfDay);
        Assert.False(read.Value.Calendar.IsWorkingDay(new LocalDate(2027, 2, 8)));
        Assert.True(read.Value.Calendar.IsWorkingDay(new LocalDate(2027, 2, 6)));
        Assert.True(read.Value.Calendar.IsYearCovered(2027));
        Assert.False(read.Value.Calendar.IsYearCovered(2026));
    }

    [Fact]
    public void ReadDefinition_DomainErrors_AreListedAllAtOnceByJsonPath()
    {
        var json = JsonNode.Parse(Valid)!;
        json["zone"] = "Mars/Olympus";
        json["weeklyHours"]!["monday"]!.AsArray().Add(new JsonObject { ["start"] = "11:00", ["end"] = "14:00" });
        json["weeklyHours"]!["tuesday"] = new JsonArray(new JsonObject { ["start"] = "18:00", ["end"] = "09:00" });
        var year = json["years"]![0]!;
        year["holidays"]!.AsArray().Add(new JsonObject { ["date"] = "2026-12-31", ["name"] = "元旦" });
        year["extraWorkingDays"]![0]!["date"] = "2027-02-08";

        var read = CalendarDocuments.ReadDefinition(json.ToJsonString());

        Assert.False(read.Success);
        var errors = read.ErrorsByPath();
        Assert.Contains("$.zone", errors.Keys);
        Assert.Contains("$.weeklyHours.monday[2]", errors.Keys);
        Assert.Contains("$.weeklyHours.tuesday[0]", errors.Keys);
        Assert.Contains("$.years[0].holidays[1].date", errors.Keys);
        Assert.Contains("$.years[0].extraWorkingDays[0].date", errors.Keys);
        Assert.Contains("both a holiday and an extra working day", errors["$.years[0].extraWorkingDays[0].date"][0], StringComparison.Ordinal);
        Assert.Contains("not in 2027", errors["$.years[0].holidays[1].date"][0], StringComparison.Ordinal);
        Assert.Contains("overlaps", errors["$.weeklyHours.monday[2]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void ReadDefinition_SchemaErrors_ComeFirstByJsonPath()
    {
        var json = JsonNode.Parse(Valid)!;
        json["weeklyHours"]!["monday"]![1]!["end"] = "25:00";
        json["years"]![0]!["year"] = 2100;
        json.AsObject().Remove("name");

        var read = CalendarDocuments.ReadDefinition(json.ToJsonString());

        var errors = read.ErrorsByPath();
        Assert.Contains("$.weeklyHours.monday[1].end", errors.Keys);
        Assert.Contains("$.years[0].year", errors.Keys);
        Assert.Contains("$", errors.Keys);
    }

    [Fact]
    public void ReadDefinition_DuplicateYearAndImpossibleDate_AreErrorsAtTheirPaths()
    {
        var json = JsonNode.Parse(Valid)!;
        json["years"]!.AsArray().Add(JsonNode.Parse("""{ "year": 2027 }"""));
        json["years"]![0]!["holidays"]![0]!["date"] = "2027-02-30";

        var errors = CalendarDocuments.ReadDefinition(json.ToJsonString()).ErrorsByPath();

        Assert.Contains("$.years[0].holidays[0].date", errors.Keys);
        Assert.Contains("$.years[1].year", errors.Keys);
    }

    [Fact]
    public void ReadYear_YearNamedInTheDocumentMustMatch()
    {
        using var doc = JsonDocument.Parse("""{ "year": 2028, "holidays": [ { "date": "2027-01-01", "name": "元旦" } ] }""");

        var read = CalendarDocuments.ReadYear(doc.RootElement, 2027);

        Assert.Equal(["$.year"], read.Errors.Select(static e => e.Path));
    }

    [Fact]
    public void ReadYear_WithoutYear_TakesTheRoutesYear()
    {
        using var doc = JsonDocument.Parse("""{ "holidays": [ { "date": "2027-01-01", "name": "元旦" } ], "extraWorkingDays": [] }""");

        var read = CalendarDocuments.ReadYear(doc.RootElement, 2027);

        Assert.True(read.Success, string.Join("\n", read.Errors));
        Assert.Equal(2027, read.Value.Year);
        Assert.Equal("元旦", read.Value.Holidays[0].Name);
    }

    [Fact]
    public void ReadDefinition_MalformedJson_IsOneErrorAtTheRoot() =>
        Assert.Equal(["$"], CalendarDocuments.ReadDefinition("{ \"id\": ").Errors.Select(static e => e.Path));

    [Fact]
    public void SchemaText_IsTheDraft202012SchemaOfCalendars()
    {
        using var schema = JsonDocument.Parse(CalendarDocuments.SchemaText);
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.Equal("urn:aftersales-kit:schemas:calendar", schema.RootElement.GetProperty("$id").GetString());
    }
}
