using System.Text.Json;
using AfterSales.Http.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Http.Tests.Json;

public class NodaTimeJsonTests
{
    private static readonly JsonSerializerOptions Options = new JsonSerializerOptions().AddNodaTimeConverters();

    private sealed record Pair(Instant At, Duration Amount);

    private sealed record Sample(Instant At, Duration Amount, LocalDate Day, LocalTime Opens, YearMonth Month, Instant? Maybe);

    [Fact]
    public void Serialize_WritesIso8601Text()
    {
        var sample = new Sample(Instant.FromUtc(2026, 3, 2, 2, 0), Duration.FromMinutes(26 * 60 + 10), new LocalDate(2026, 3, 2), new LocalTime(9, 0), new YearMonth(2026, 3), null);

        var json = JsonSerializer.Serialize(sample, Options);

        Assert.Equal("""{"At":"2026-03-02T02:00:00Z","Amount":"PT26H10M","Day":"2026-03-02","Opens":"09:00:00","Month":"2026-03","Maybe":null}""", json);
    }

    [Theory]
    [InlineData("\"2026-03-02T10:00:00+08:00\"", "2026-03-02T02:00:00Z")]
    [InlineData("\"2026-03-02T02:00:00.5Z\"", "2026-03-02T02:00:00.5Z")]
    public void Instant_AcceptsOffsetsAndFractions(string json, string expected) =>
        Assert.Equal(expected, NodaTime.Text.InstantPattern.ExtendedIso.Format(JsonSerializer.Deserialize<Instant>(json, Options)));

    [Theory]
    [InlineData("P1DT2H", 26 * 60)]
    [InlineData("PT90M", 90)]
    [InlineData("-PT30M", -30)]
    [InlineData("P1W", 7 * 24 * 60)]
    public void Duration_ReadsIsoDurationsOfExactUnits(string text, int minutes) =>
        Assert.Equal(Duration.FromMinutes(minutes), JsonSerializer.Deserialize<Duration>($"\"{text}\"", Options));

    [Theory]
    [InlineData("\"P1M\"")]
    [InlineData("\"2 hours\"")]
    [InlineData("\"\"")]
    [InlineData("42")]
    [InlineData("\"P1Y\"")]
    public void Duration_RejectsWhatIsNotAnExactIsoDuration(string json)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Duration>(json, Options));

        Assert.Contains("PT2H30M", error.Message);
    }

    [Theory]
    [InlineData("\"2026-02-30\"")]
    [InlineData("\"yesterday\"")]
    [InlineData("true")]
    public void LocalDate_RejectsInvalidDatesWithTheExpectedFormat(string json) =>
        Assert.Contains("2026-03-02", Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<LocalDate>(json, Options)).Message);

    [Fact]
    public void Instant_HugeString_IsRejectedWithATruncatedQuote()
    {
        var json = "\"" + new string('9', 10_000) + "\"";

        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Instant>(json, Options));

        Assert.True(error.Message.Length < 300);
    }

    /// <summary>Instants within 200 years of 1970 and durations, from any nanosecond counts.</summary>
    public static class Arbitraries
    {
        public static Arbitrary<(Instant, Duration)> Pairs()
        {
            var instants = ArbMap.Default.GeneratorFor<long>()
                .Select(ns => Instant.FromUnixTimeTicks(0) + Duration.FromNanoseconds(ns % (200L * 365 * 24 * 3600 * 1_000_000_000)));
            return Gen.Zip(instants, ArbMap.Default.GeneratorFor<long>().Select(Duration.FromNanoseconds)).ToArbitrary();
        }
    }

    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 2_000)]
    public bool RoundTrip_AnyInstantAndDuration_ComesBackEqual((Instant, Duration) pair)
    {
        var (instant, duration) = pair;
        var back = JsonSerializer.Deserialize<Pair>(JsonSerializer.Serialize(new Pair(instant, duration), Options), Options)!;
        return back.At == instant && back.Amount == duration;
    }
}
