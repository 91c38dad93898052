using NodaTime;
namespace AfterSales.Calendars.Compilation;

/// <summary>
/// Turns day rules into business intervals on the instant line. An instant is business time
/// exactly when its local wall-clock time falls within the working ranges of its local date, so
/// the business set of a window is the preimage of the local ranges under the zone's mapping:
/// each zone interval (a stretch of constant offset) maps a stretch of local time one to one
/// onto instants, and the ranges are intersected with it and shifted back by its offset.
/// </summary>
internal static class IntervalCompiler
{
    /// <summary>
    /// Appends the business intervals within <c>[from, to)</c> (instant nanoseconds) in instant
    /// order to <paramref name="starts"/>/<paramref name="ends"/>, merging adjacent intervals.
    /// With <paramref name="onlyDate"/>, only that local date's hours are considered (and only
    /// its year coverage checked).
    /// </summary>
    public static void Append(
        CalendarRules rules,
        DateTimeZone zone,
        long from,
        long to,
        LocalDate? onlyDate,
        List<long> starts,
        List<long> ends)
    {
        var fromInstant = TimeLine.ToInstant(from);
        var toInstant = TimeLine.ToInstant(to);
        foreach (var zoneInterval in zone.GetZoneIntervals(new Interval(fromInstant, toInstant)))
        {
            var segmentStart = zoneInterval.HasStart && zoneInterval.Start > fromInstant ? TimeLine.ToNanos(zoneInterval.Start) : from;
            var segmentEnd = zoneInterval.HasEnd && zoneInterval.End < toInstant ? TimeLine.ToNanos(zoneInterval.End) : to;
            if (segmentStart >= segmentEnd)
            {
                continue;
            }

            var offset = zoneInterval.WallOffset.Nanoseconds;
            var localStart = segmentStart + offset;
            var localEnd = segmentEnd + offset;
            var firstDay = TimeLine.FloorDiv(localStart, TimeLine.NanosecondsPerDay);
            var lastDay = TimeLine.FloorDiv(localEnd - 1, TimeLine.NanosecondsPerDay);
            for (var day = firstDay; day <= lastDay; day++)
            {
                var date = TimeLine.DateOfDay(day);
                if (onlyDate is { } wanted && date != wanted)
                {
                    continue;
                }

                var ranges = rules.RangesFor(date);
                var dayBase = day * TimeLine.NanosecondsPerDay;
                for (var k = 0; k < ranges.Length; k += 2)
                {
                    var a = Math.Max(dayBase + ranges[k], localStart);
                    var b = Math.Min(dayBase + ranges[k + 1], localEnd);
                    if (a < b)
                    {
                        Add(starts, ends, a - offset, b - offset);
                    }
                }
            }
        }
    }

    private static void Add(List<long> starts, List<long> ends, long start, long end)
    {
        if (ends.Count > 0 && ends[^1] == start)
        {
            ends[^1] = end;
        }
        else
        {
            starts.Add(start);
            ends.Add(end);
        }
    }
}
