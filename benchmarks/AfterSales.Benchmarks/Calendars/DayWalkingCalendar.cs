using AfterSales.Calendars;
using NodaTime;

namespace AfterSales.Benchmarks.Calendars;

/// <summary>
/// The straightforward way to add business time, as most SLA engines do it: walk day by day from
/// the start, resolve each working day's opening and closing times in the zone, and consume the
/// day's hours until the duration runs out. It takes the day rules (holidays, make-up workdays)
/// from <see cref="BusinessCalendar.IsWorkingDay"/> and one daily range; the baseline that the
/// compiled calendar is measured against.
/// </summary>
public sealed class DayWalkingCalendar(BusinessCalendar calendar, LocalTime opens, LocalTime closes)
{
    private readonly DateTimeZone _zone = calendar.Zone;

    /// <summary>Adds business time by walking the days.</summary>
    public Instant Add(Instant start, Duration businessTime)
    {
        var remaining = businessTime;
        var cursor = start;
        var date = start.InZone(_zone).Date;
        while (true)
        {
            if (calendar.IsWorkingDay(date))
            {
                var open = (date + opens).InZoneLeniently(_zone).ToInstant();
                var close = (date + closes).InZoneLeniently(_zone).ToInstant();
                var from = cursor > open ? cursor : open;
                if (from < close)
                {
                    var available = close - from;
                    if (remaining <= available)
                    {
                        return from + remaining;
                    }

                    remaining -= available;
                    cursor = close;
                }
            }

            date = date.PlusDays(1);
        }
    }

    /// <summary>Measures business time from <paramref name="from"/> to <paramref name="to"/> (from ≤ to) by walking the days.</summary>
    public Duration BusinessTimeBetween(Instant from, Instant to)
    {
        var total = Duration.Zero;
        var date = from.InZone(_zone).Date;
        var last = to.InZone(_zone).Date;
        for (; date <= last; date = date.PlusDays(1))
        {
            if (!calendar.IsWorkingDay(date))
            {
                continue;
            }

            var open = (date + opens).InZoneLeniently(_zone).ToInstant();
            var close = (date + closes).InZoneLeniently(_zone).ToInstant();
            var a = from > open ? from : open;
            var b = to < close ? to : close;
            if (a < b)
            {
                total += b - a;
            }
        }

        return total;
    }
}
