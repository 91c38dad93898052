namespace AfterSales.Tests.Calendars;

/// <summary>
/// A slow, obviously correct business calendar: it steps through real time one minute at a time
/// and asks, for each minute [m, m+1), whether its local wall-clock time falls in its local
/// date's ranges. Exact for whole-minute instants and ranges (all zones used change offset on
/// whole minutes).
/// </summary>
internal sealed class MinuteSteppingReference(CalendarSpec spec)
{
    private static readonly Duration Minute = Duration.FromMinutes(1);
    private const int MaxMinutes = 200 * 24 * 60;

    public bool IsBusinessMinute(Instant minute)
    {
        var local = minute.InZone(spec.Zone).LocalDateTime;
        var minuteOfDay = (local.Hour * 60) + local.Minute;
        foreach (var (start, end) in spec.RangesFor(local.Date))
        {
            if (start <= minuteOfDay && minuteOfDay < end)
            {
                return true;
            }
        }

        return false;
    }

    public Instant Add(Instant start, int minutes)
    {
        var t = start;
        for (var step = 0; step < MaxMinutes; step++, t += Minute)
        {
            if (IsBusinessMinute(t))
            {
                if (minutes == 0)
                {
                    return t;
                }

                if (--minutes == 0)
                {
                    return t + Minute;
                }
            }
        }

        throw new InvalidOperationException("The reference found no answer within 200 days.");
    }

    public int MinutesBetween(Instant from, Instant to)
    {
        var count = 0;
        for (var t = from; t < to; t += Minute)
        {
            count += IsBusinessMinute(t) ? 1 : 0;
        }

        return count;
    }

    /// <summary>The business minutes of a local date, as instants, in order.</summary>
    public List<Instant> BusinessMinutesOn(LocalDate date)
    {
        var result = new List<Instant>();
        var from = date.AtStartOfDayInZone(spec.Zone).ToInstant() - Duration.FromHours(3);
        var to = date.PlusDays(1).AtStartOfDayInZone(spec.Zone).ToInstant() + Duration.FromHours(3);
        for (var t = from; t < to; t += Minute)
        {
            if (t.InZone(spec.Zone).Date == date && IsBusinessMinute(t))
            {
                result.Add(t);
            }
        }

        return result;
    }

    /// <summary>The 工作日 semantics spelled out naively over business minutes.</summary>
    public Instant AddWorkingDays(Instant start, int workingDays)
    {
        var s = Add(start, 0);
        if (workingDays == 0)
        {
            return s;
        }

        var day = s.InZone(spec.Zone).Date;
        var position = BusinessMinutesOn(day).Count(m => m < s);
        List<Instant> minutes;
        var remaining = workingDays;
        while (true)
        {
            day = day.PlusDays(1);
            minutes = BusinessMinutesOn(day);
            if (minutes.Count > 0 && --remaining == 0)
            {
                break;
            }
        }

        return position == 0 ? minutes[0] : minutes[Math.Min(position, minutes.Count) - 1] + Minute;
    }
}
