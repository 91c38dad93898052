using System.Text;
using NodaTime.Text;

namespace AfterSales.Http.Json;

/// <summary>
/// The two NodaTime text patterns of the API that read more than NodaTime.Serialization.SystemTextJson's
/// defaults; both write exactly what the package writes. They are patterns, not converters, so the
/// package's <c>NodaPatternConverter</c> does the JSON and the query-string parser shares them.
/// </summary>
internal static class WirePatterns
{
    /// <summary>
    /// Written as ISO 8601 in UTC, with a fraction only when there is one (<c>2026-03-02T02:00:00Z</c>);
    /// read also with an offset (<c>2026-03-02T10:00:00+08:00</c>), because an OpenAPI <c>date-time</c>
    /// is RFC 3339, which allows any offset, and clients send their local one.
    /// </summary>
    public static IPattern<Instant> Instant { get; } = new CompositePatternBuilder<Instant>
    {
        { InstantPattern.ExtendedIso, static _ => true },
        { new OffsetInstantPattern(), static _ => false },
    }.Build();

    /// <summary>Written <c>HH:mm:ss</c>, with a fraction only when there is one; read also as <c>HH:mm</c>.</summary>
    public static IPattern<LocalTime> LocalTime { get; } = new CompositePatternBuilder<LocalTime>
    {
        { LocalTimePattern.ExtendedIso, static _ => true },
        { LocalTimePattern.CreateWithInvariantCulture("HH':'mm"), static _ => false },
    }.Build();

    /// <summary>An instant read as an ISO 8601 date-time with an offset; NodaTime has no instant pattern with offsets.</summary>
    private sealed class OffsetInstantPattern : IPattern<Instant>
    {
        private static readonly OffsetDateTimePattern Inner = OffsetDateTimePattern.ExtendedIso;

        public ParseResult<Instant> Parse(string text) => Inner.Parse(text).Convert(static value => value.ToInstant());

        public string Format(Instant value) => Inner.Format(value.WithOffset(Offset.Zero));

        public StringBuilder AppendFormat(Instant value, StringBuilder builder) => Inner.AppendFormat(value.WithOffset(Offset.Zero), builder);
    }
}
