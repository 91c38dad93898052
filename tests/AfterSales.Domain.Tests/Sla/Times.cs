using NodaTime.Text;

namespace AfterSales.Tests.Sla;

/// <summary>Writes test instants as Beijing local times, the way the seed plans state them.</summary>
internal static class Times
{
    public static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd HH':'mm");

    /// <summary>"2026-03-02 10:00" in Asia/Shanghai.</summary>
    public static Instant Bj(string local) => Pattern.Parse(local).Value.InZoneStrictly(Shanghai).ToInstant();

    public static string Local(Instant? instant) => instant is { } i ? Pattern.Format(i.InZone(Shanghai).LocalDateTime) : "(none)";
}
