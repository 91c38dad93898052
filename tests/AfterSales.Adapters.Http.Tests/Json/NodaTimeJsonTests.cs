using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Http.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime.Serialization.SystemTextJson;

namespace AfterSales.Http.Tests.Json;

public partial class NodaTimeJsonTests
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().AddNodaTimeConverters();

    private sealed record Pair(Instant At, Duration Amount);

    private sealed record Sample(
        Instant At, Duration Amount, LocalDate Day, LocalTime Opens, YearMonth Month, LocalDateTime Local, DateTimeZone Zone, Instant? Maybe);

    [Fact]
    public void Serialize_WritesTheDocumentedWireFormats()
    {
        var sample = new Sample(
            Instant.FromUtc(2026, 3, 2, 2, 0), Duration.FromMinutes(26 * 60 + 10), new LocalDate(2026, 3, 2), new LocalTime(9, 0),
            new YearMonth(2026, 3), new LocalDateTime(2026, 3, 2, 9, 0), DateTimeZoneProviders.Tzdb["Asia/Shanghai"], null);

        var json = JsonSerializer.Serialize(sample, Options);

        Assert.Equal(
            """{"At":"2026-03-02T02:00:00Z","Amount":"PT26H10M","Day":"2026-03-02","Opens":"09:00:00","Month":"2026-03","Local":"2026-03-02T09:00:00","Zone":"Asia/Shanghai","Maybe":null}""",
            json);
    }

    [Fact]
    public void Converters_AreThePackages_ExceptTheIsoDurationOne()
    {
        var ours = NodaTimeJson.Converters.Where(c => c.GetType().Assembly != typeof(NodaConverters).Assembly).ToList();

        Assert.Equal([typeof(DurationJsonConverter)], ours.Select(c => c.GetType()));
        Assert.Contains(NodaConverters.LocalDateConverter, NodaTimeJson.Converters);
        Assert.Single(NodaTimeJson.Converters, c => c.CanConvert(typeof(Duration)));
        Assert.Single(NodaTimeJson.Converters, c => c.CanConvert(typeof(DateTimeZone)));
    }

    [Fact]
    public void AddNodaTimeConverters_Twice_AddsEachConverterOnce()
    {
        var options = new JsonSerializerOptions().AddNodaTimeConverters().AddNodaTimeConverters();

        Assert.Equal(NodaTimeJson.Converters.Count, options.Converters.Count);
    }

    [Theory]
    [InlineData("\"2026-03-02T10:00:00+08:00\"", "2026-03-02T02:00:00Z")]
    [InlineData("\"2026-03-01T21:00:00-05:00\"", "2026-03-02T02:00:00Z")]
    [InlineData("\"2026-03-02T02:00:00.5Z\"", "2026-03-02T02:00:00.5Z")]
    public void Instant_AcceptsOffsetsAndFractions_WritesUtc(string json, string expected) =>
        Assert.Equal($"\"{expected}\"", JsonSerializer.Serialize(JsonSerializer.Deserialize<Instant>(json, Options), Options));

    [Theory]
    [InlineData("09:00", "09:00:00")]
    [InlineData("09:00:00", "09:00:00")]
    [InlineData("18:30", "18:30:00")]
    [InlineData("00:00", "00:00:00")]
    [InlineData("23:59:59.5", "23:59:59.5")]
    public void LocalTime_AcceptsHoursAndMinutesWithOrWithoutSeconds_WritesSeconds(string text, string written) =>
        Assert.Equal($"\"{written}\"", JsonSerializer.Serialize(JsonSerializer.Deserialize<LocalTime>($"\"{text}\"", Options), Options));

    [Theory]
    [InlineData("\"9:00\"")]
    [InlineData("\"24:00\"")]
    [InlineData("\"09:60\"")]
    [InlineData("\"09:00Z\"")]
    [InlineData("\"0900\"")]
    [InlineData("\"09\"")]
    [InlineData("540")]
    public void LocalTime_RejectsOtherForms(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LocalTime>(json, Options));

    [Theory]
    [InlineData("PT2H10M", 130 * 60_000_000_000L)]
    [InlineData("P1DT2H", 26 * 3_600_000_000_000L)]
    [InlineData("PT90M", 90 * 60_000_000_000L)]
    [InlineData("-PT30M", -30 * 60_000_000_000L)]
    [InlineData("P1W", 7 * 24 * 3_600_000_000_000L)]
    [InlineData("PT0.5S", 500_000_000L)]
    [InlineData("PT1,25S", 1_250_000_000L)]
    [InlineData("PT0.000000001S", 1L)]
    [InlineData("PT0S", 0L)]
    public void Duration_ReadsIsoDurationsOfExactUnits(string text, long nanoseconds) =>
        Assert.Equal(Duration.FromNanoseconds(nanoseconds), JsonSerializer.Deserialize<Duration>($"\"{text}\"", Options));

    [Theory]
    [InlineData(130 * 60_000_000_000L, "PT2H10M")]
    [InlineData(26 * 3_600_000_000_000L, "PT26H")]
    [InlineData(-30 * 60_000_000_000L, "-PT30M")]
    [InlineData(500_000_000L, "PT0.5S")]
    [InlineData(3_723_000_000_001L, "PT1H2M3.000000001S")]
    [InlineData(0L, "PT0S")]
    public void Duration_WritesHoursMinutesAndSeconds(long nanoseconds, string text) =>
        Assert.Equal($"\"{text}\"", JsonSerializer.Serialize(Duration.FromNanoseconds(nanoseconds), Options));

    [Theory]
    [InlineData("\"P1M\"")]
    [InlineData("\"P1Y\"")]
    [InlineData("\"PT-30M\"")]
    [InlineData("\"P-1DT2H\"")]
    [InlineData("\"2:10:00\"")]
    [InlineData("\"2 hours\"")]
    [InlineData("\"PT\"")]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("null")]
    public void Duration_RejectsWhatIsNotAnExactIsoDuration_NamingTheExpectedForm(string json)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Duration>(json, Options));

        Assert.Contains("PT2H30M", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"2026-02-30\"", typeof(LocalDate))]
    [InlineData("\"yesterday\"", typeof(LocalDate))]
    [InlineData("true", typeof(LocalDate))]
    [InlineData("\"2026-03-02T02:00Z\"", typeof(Instant))]
    [InlineData("\"Mars/Olympus\"", typeof(DateTimeZone))]
    [InlineData("\"2026-3\"", typeof(YearMonth))]
    public void InvalidValues_AreJsonExceptions(string json, Type type) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, type, Options));

    /// <summary>Instants within 200 years of 1970 and durations, and times of day, from any nanosecond counts.</summary>
    public static class Arbitraries
    {
        public static Arbitrary<(Instant, Duration)> Pairs()
        {
            var instants = ArbMap.Default.GeneratorFor<long>()
                .Select(ns => Instant.FromUnixTimeTicks(0) + Duration.FromNanoseconds(ns % (200L * 365 * 24 * 3600 * 1_000_000_000)));
            return Gen.Zip(instants, ArbMap.Default.GeneratorFor<long>().Select(Duration.FromNanoseconds)).ToArbitrary();
        }

        public static Arbitrary<LocalTime> Times() =>
            ArbMap.Default.GeneratorFor<long>()
                .Select(ns => LocalTime.FromNanosecondsSinceMidnight((long)((ulong)ns % 86_400_000_000_000UL)))
                .ToArbitrary();
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 2_000)]
    public bool RoundTrip_AnyInstantAndDuration_ComesBackEqual((Instant, Duration) pair)
    {
        var (instant, duration) = pair;
        var back = JsonSerializer.Deserialize<Pair>(JsonSerializer.Serialize(new Pair(instant, duration), Options), Options)!;
        return back.At == instant && back.Amount == duration;
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 2_000)]
    public bool RoundTrip_AnyLocalTime_ComesBackEqual_AndWholeMinutesReadAsHoursAndMinutes(LocalTime time)
    {
        var back = JsonSerializer.Deserialize<LocalTime>(JsonSerializer.Serialize(time, Options), Options);
        var minute = new LocalTime(time.Hour, time.Minute);
        var shortForm = JsonSerializer.Deserialize<LocalTime>($"\"{minute.Hour:00}:{minute.Minute:00}\"", Options);
        return back == time && shortForm == minute;
    }

    [Fact]
    public void NullableFields_WriteAndReadNull()
    {
        var back = JsonSerializer.Deserialize<Holder>("""{"At":null,"Amount":null,"Opens":null}""", Options)!;

        Assert.Equal(new Holder(null, null, null), back);
        Assert.Equal("""{"At":null,"Amount":null,"Opens":null}""", JsonSerializer.Serialize(back, Options));
    }

    private sealed record Holder(Instant? At, Duration? Amount, LocalTime? Opens);

    [JsonSerializable(typeof(Pair))]
    private sealed partial class PairContext : JsonSerializerContext;

    [Fact]
    public void SourceGeneratedMetadata_UsesTheConvertersOfTheOptions()
    {
        var options = new JsonSerializerOptions { TypeInfoResolver = PairContext.Default }.AddNodaTimeConverters();

        var json = JsonSerializer.Serialize(new Pair(Instant.FromUtc(2026, 3, 2, 2, 0), Duration.FromHours(2)), options);

        Assert.Equal("""{"At":"2026-03-02T02:00:00Z","Amount":"PT2H"}""", json);
    }
}
