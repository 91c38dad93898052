using AfterSales.Calendars;

namespace AfterSales.Tests.Calendars;

/// <summary>Small helpers that keep the worked examples readable.</summary>
internal static class CalendarTestKit
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    public static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    public static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    public static readonly DateTimeZone LordHowe = DateTimeZoneProviders.Tzdb["Australia/Lord_Howe"];

    public static readonly LocalTime Nine = new(9, 0);
    public static readonly LocalTime Eighteen = new(18, 0);

    /// <summary>Monday to Friday 09:00–18:00 UTC, no holidays.</summary>
    public static BusinessCalendar NineToSixUtc { get; } = BusinessCalendar.MondayToFriday(DateTimeZone.Utc, Nine, Eighteen);

    /// <summary>A local date-time in the zone, which must exist and be unambiguous.</summary>
    public static Instant At(this DateTimeZone zone, int year, int month, int day, int hour, int minute = 0)
        => new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(zone).ToInstant();

    /// <summary>Beijing time.</summary>
    public static Instant Beijing(int year, int month, int day, int hour, int minute = 0) => Shanghai.At(year, month, day, hour, minute);

    public static Instant Utc(int year, int month, int day, int hour, int minute = 0) => Instant.FromUtc(year, month, day, hour, minute);

    public static Duration Total(this IReadOnlyList<Interval> intervals)
        => intervals.Aggregate(Duration.Zero, (sum, interval) => sum + interval.Duration);
}
