using AfterSales.Calendars;

namespace AfterSales.Tests.Sla;

/// <summary>
/// A slow, obviously correct SLA clock: it looks at every minute from the start and counts the
/// minutes that are business time and not paused. Inputs must be whole minutes.
/// </summary>
internal static class MinuteSteppingClock
{
    public static Instant Due(BusinessCalendar calendar, Instant start, IReadOnlyList<(Instant From, Instant To)> pauses, int minutes)
    {
        var counted = 0;
        for (var minute = start; ; minute += Duration.FromMinutes(1))
        {
            if (Counts(calendar, minute, pauses) && ++counted == minutes)
            {
                return minute + Duration.FromMinutes(1);
            }
        }
    }

    public static Duration Elapsed(BusinessCalendar calendar, Instant start, IReadOnlyList<(Instant From, Instant To)> pauses, Instant end)
    {
        var counted = 0;
        for (var minute = start; minute < end; minute += Duration.FromMinutes(1))
        {
            if (Counts(calendar, minute, pauses))
            {
                counted++;
            }
        }

        return Duration.FromMinutes(counted);
    }

    private static bool Counts(BusinessCalendar calendar, Instant minute, IReadOnlyList<(Instant From, Instant To)> pauses) =>
        calendar.IsBusinessTime(minute) && !pauses.Any(p => p.From <= minute && minute < p.To);
}
