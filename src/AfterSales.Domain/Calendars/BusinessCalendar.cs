using NodaTime;
using System.Globalization;
using AfterSales.Calendars.Compilation;
using AfterSales.Internal;

namespace AfterSales.Calendars;

/// <summary>
/// A business calendar: weekly working hours in a time zone, with holidays and extra working days,
/// that adds business time to instants and measures business time between instants.
/// </summary>
/// <remarks>
/// <para><b>Definition.</b> An instant is business time exactly when its local wall-clock time in
/// <see cref="Zone"/> falls within a working range of its local date. Ranges are half-open
/// <c>[opens, closes)</c>: the closing instant is not business time. A date's ranges are its extra
/// working day's hours, else none if it is a holiday, else its weekday's hours.</para>
/// <para><b>Business time is elapsed real time.</b> A 00:00–24:00 day lasting 25 hours (clocks
/// go back) counts 25 hours and one lasting 23 hours counts 23; a 09:00–17:00 day is 8 hours on
/// those days as long as the transition is outside the range. Because the definition reads the
/// wall clock, daylight-saving transitions inside a range behave as the clock on the wall does:
/// an opening time that does not exist (spring-forward gap) opens at the end of the gap, i.e. an
/// opening at the very start of the gap moves forward by the gap, as with NodaTime's lenient
/// resolver, and one inside the gap opens when the clock jumps past it (this keeps the mapping
/// monotonic, so adjacent ranges never overlap and no instant counts twice); wall-clock time that
/// occurs twice (fall-back overlap) is business time both times it occurs, so elapsed real time
/// is counted correctly and each instant is counted once.</para>
/// <para><b>Conventions.</b> <see cref="Add"/> with a duration that runs out exactly at a closing
/// time returns that closing instant, not the next opening; <c>Add(t, Duration.Zero)</c> is
/// <see cref="NextBusinessTime(Instant)"/>(t); for a positive duration the result is never strictly inside
/// closed time.</para>
/// <para><b>Supported range.</b> Instants from 1900-01-01T00:00Z (inclusive) to
/// 2100-01-01T00:00Z (exclusive) and local dates in the years 1900–2099 (the whole span's
/// business time then fits a <see cref="long"/> of nanoseconds); arguments outside it throw
/// <see cref="ArgumentOutOfRangeException"/>, as does a result that would fall outside it.</para>
/// <para><b>Uncovered years.</b> A calendar whose holiday data covers only some years (see
/// <see cref="BusinessCalendarBuilder.WithYearCoverage"/>) throws
/// <see cref="CalendarYearNotCoveredException"/> for any question whose answer depends on a date in
/// another year — including an <see cref="Add"/> or <see cref="BusinessTimeBetween"/> whose span
/// reaches into it — unless it was built with <see cref="UnknownYearPolicy.TreatAsPlainWeekdays"/>,
/// in which case such years count as plain weeks and <see cref="UncoveredYearsBetween"/> names them,
/// so that SLA clocks and explanations can say the answer is provisional.</para>
/// <para><b>Identity.</b> <see cref="Id"/> and <see cref="Version"/> (<see cref="Key"/>,
/// <c>id@version</c>) say which catalog calendar this is; a changed calendar is a new version, and
/// SLA clocks record the keys they were computed with.</para>
/// <para><b>Performance.</b> The calendar compiles itself lazily, one local year at a time, into
/// sorted business intervals on the instant line with cumulative business time, so
/// <see cref="Add"/>, <see cref="BusinessTimeBetween"/>, <see cref="IsBusinessTime"/> and
/// <see cref="NextBusinessTime(Instant)"/> are binary searches that allocate nothing once the years involved
/// are compiled. Memory is bounded by the supported range.</para>
/// <para><b>Thread safety.</b> Immutable and safe to share between threads; the lazy compilation
/// publishes each year atomically. Equality is by reference.</para>
/// </remarks>
public sealed class BusinessCalendar
{
    /// <summary>Local year of the first compiled chunk: one before the first supported year, so every supported instant has a chunk whatever the zone's offset.</summary>
    private const int FirstChunkYear = TimeLine.FirstSupportedYear - 1;
    private const int ChunkCount = TimeLine.LastSupportedYear + 1 - FirstChunkYear + 1;
    private const long AverageYearNanoseconds = 31_556_952_000_000_000L;

    private static readonly long MinSupported = TimeLine.ToNanos(TimeLine.MinSupportedInstant);
    private static readonly long MaxSupported = TimeLine.ToNanos(TimeLine.MaxSupportedInstant);
    private static readonly Duration MaxBusinessTime = Duration.FromDays(366 * (TimeLine.LastSupportedYear - TimeLine.FirstSupportedYear + 1));

    private readonly CalendarRules _rules;
    private readonly long[] _chunkStarts;
    private readonly CompiledYear?[] _chunks = new CompiledYear?[ChunkCount];
    private string? _key; // built once: every clock and every loaded ticket asks for it

    internal BusinessCalendar(string id, int version, string name, DateTimeZone zone, CalendarRules rules)
    {
        Id = id;
        Version = version;
        Name = name;
        Zone = zone;
        _rules = rules;
        _chunkStarts = new long[ChunkCount + 1];
        for (var i = 0; i <= ChunkCount; i++)
        {
            _chunkStarts[i] = TimeLine.ToNanos(zone.AtStartOfDay(new LocalDate(FirstChunkYear + i, 1, 1)).ToInstant());
        }
    }

    /// <summary>
    /// The stable id a catalog keeps the calendar under, shared by all its versions, e.g.
    /// <c>cn-statutory-9-18</c>; the name for a calendar built without one
    /// (<see cref="BusinessCalendarBuilder.WithIdentity"/>).
    /// </summary>
    public string Id { get; }

    /// <summary>The version (1 or more): a changed calendar (a new holiday year, corrected hours) is a new version with the same <see cref="Id"/>.</summary>
    public int Version { get; }

    /// <summary><c>id@version</c>, e.g. <c>cn-statutory-9-18@2</c>: what a clock records it was computed with.</summary>
    public string Key => _key ??= string.Create(CultureInfo.InvariantCulture, $"{Id}@{Version}");

    /// <summary>The calendar's name, used in explanations, e.g. <c>5×8 Asia/Shanghai (China statutory)</c>.</summary>
    public string Name { get; }

    /// <summary>The time zone whose wall clock the working hours are read on.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The first year of holiday data, or <see langword="null"/> when the calendar's data is not limited to some years.</summary>
    public int? FirstCoveredYear => _rules.FirstCoveredYear;

    /// <summary>The last year of holiday data, or <see langword="null"/> when the calendar's data is not limited to some years.</summary>
    public int? LastCoveredYear => _rules.LastCoveredYear;

    /// <summary>What the calendar does for dates in years its holiday data does not cover (<see cref="IsYearCovered"/>).</summary>
    public UnknownYearPolicy UnknownYearPolicy => _rules.Policy;

    /// <summary>
    /// Whether the holiday data covers <paramref name="year"/>: always for a calendar whose data is
    /// not limited to some years; otherwise whether the year is one of its covered years.
    /// </summary>
    /// <param name="year">The year.</param>
    public bool IsYearCovered(int year) => _rules.IsCovered(year);

    /// <summary>
    /// The local years (in <see cref="Zone"/>) from <paramref name="from"/>'s to <paramref name="to"/>'s
    /// that the holiday data does not cover, ascending: the years an answer about that span counted
    /// as plain weeks (weekly hours, no holidays) — a provisional answer — when
    /// <see cref="UnknownYearPolicy"/> is <see cref="UnknownYearPolicy.TreatAsPlainWeekdays"/>.
    /// Empty for a calendar whose data is not limited to some years.
    /// </summary>
    /// <param name="from">The start of the span.</param>
    /// <param name="to">The end of the span (the two may come in either order).</param>
    public IReadOnlyList<int> UncoveredYearsBetween(Instant from, Instant to)
    {
        if (_rules.CoveredYears is null)
        {
            return [];
        }

        var first = Instant.Min(from, to).InZone(Zone).Year;
        var last = Instant.Max(from, to).InZone(Zone).Year;
        var years = new List<int>();
        for (var year = first; year <= last; year++)
        {
            if (!_rules.IsCovered(year))
            {
                years.Add(year);
            }
        }

        return years;
    }

    /// <summary>A calendar in which every instant is business time: <c>Add(t, d) = t + d</c>.</summary>
    /// <param name="zone">The time zone (it only affects <see cref="IsWorkingDay"/> and <see cref="WorkingIntervalsOn"/>).</param>
    /// <exception cref="ArgumentNullException"><paramref name="zone"/> is null.</exception>
    public static BusinessCalendar TwentyFourSeven(DateTimeZone zone)
    {
        Guard.NotNull(zone);
        var builder = CreateBuilder("7×24 " + zone.Id, zone);
        foreach (var day in AllWeekdays)
        {
            builder.WithHours(day, WorkingHours.AllDay);
        }

        return builder.Build();
    }

    /// <summary>
    /// Monday to Friday from <paramref name="opens"/> to <paramref name="closes"/> in
    /// <paramref name="zone"/>, no holidays. For hours to midnight (24:00) or with a break, use the
    /// overload taking <see cref="WorkingHours"/> (e.g. <see cref="WorkingHours.ToEndOfDay"/>).
    /// </summary>
    /// <param name="zone">The time zone.</param>
    /// <param name="opens">The opening time.</param>
    /// <param name="closes">The closing time; must be later than <paramref name="opens"/> on the same day, so <see cref="LocalTime.Midnight"/> is rejected.</param>
    /// <exception cref="ArgumentException"><paramref name="closes"/> is not later than <paramref name="opens"/>.</exception>
    public static BusinessCalendar MondayToFriday(DateTimeZone zone, LocalTime opens, LocalTime closes)
        => MondayToFriday(zone, WorkingHours.Between(opens, closes));

    /// <summary>Monday to Friday with the given daily ranges in <paramref name="zone"/>, no holidays.</summary>
    /// <param name="zone">The time zone.</param>
    /// <param name="hours">The daily working ranges (e.g. 09:00–12:00 and 13:00–18:00), at least one, none overlapping.</param>
    /// <exception cref="ArgumentException">The ranges are missing or overlap.</exception>
    public static BusinessCalendar MondayToFriday(DateTimeZone zone, params WorkingHours[] hours)
    {
        Guard.NotNull(zone);
        Guard.NotNull(hours);
        var builder = CreateBuilder("Mon–Fri " + string.Join(", ", hours) + " " + zone.Id, zone);
        for (var day = IsoDayOfWeek.Monday; day <= IsoDayOfWeek.Friday; day++)
        {
            builder.WithHours(day, hours);
        }

        return builder.Build();
    }

    /// <summary>Starts building a calendar with no working hours yet.</summary>
    /// <param name="name">The calendar's name, used in explanations; must not be blank.</param>
    /// <param name="zone">The time zone.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or <paramref name="zone"/> is null.</exception>
    public static BusinessCalendarBuilder CreateBuilder(string name, DateTimeZone zone)
        => new(Guard.NotBlank(name), Guard.NotNull(zone));

    /// <summary>Starts building a calendar in the time zone with the given IANA id (e.g. <c>Asia/Shanghai</c>).</summary>
    /// <param name="name">The calendar's name, used in explanations; must not be blank.</param>
    /// <param name="zoneId">An IANA time-zone id known to NodaTime's TZDB provider.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank, or <paramref name="zoneId"/> is blank or unknown.</exception>
    public static BusinessCalendarBuilder CreateBuilder(string name, string zoneId)
    {
        Guard.NotBlank(zoneId);
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId)
            ?? throw new ArgumentException($"zoneId '{zoneId}' is not a known IANA time-zone id (e.g. 'Asia/Shanghai').", nameof(zoneId));
        return CreateBuilder(name, zone);
    }

    /// <summary>
    /// The instant at which <paramref name="businessTime"/> of business time has elapsed after
    /// <paramref name="start"/>. A duration running out exactly at a closing time returns that
    /// closing instant; <c>Add(t, Duration.Zero)</c> returns <see cref="NextBusinessTime(Instant)"/>(t); for a
    /// positive duration the result is never strictly inside closed time.
    /// </summary>
    /// <param name="start">Where to start; need not be business time.</param>
    /// <param name="businessTime">The business time to add; must not be negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="businessTime"/> is negative, or an argument or the result is outside the supported range.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The span reaches into a year the calendar has no holiday data for.</exception>
    public Instant Add(Instant start, Duration businessTime)
    {
        Guard.NotNegative(businessTime);
        if (businessTime > MaxBusinessTime)
        {
            throw new ArgumentOutOfRangeException(nameof(businessTime), businessTime, string.Create(CultureInfo.InvariantCulture, $"businessTime must be at most {MaxBusinessTime}, was {businessTime}."));
        }

        var t = CheckInstant(start);
        if (businessTime == Duration.Zero)
        {
            return TimeLine.ToInstant(NextBusinessTime(t, nameof(start)));
        }

        var index = ChunkIndexOf(t);
        var chunk = GetChunk(index);
        var target = chunk.PositionOf(t) + businessTime.ToInt64Nanoseconds();
        while (target > chunk.Total)
        {
            target -= chunk.Total;
            if (++index == ChunkCount)
            {
                throw ResultOutOfRange(nameof(businessTime));
            }

            chunk = GetChunk(index);
        }

        var result = chunk.InstantAt(target);
        if (result > MaxSupported)
        {
            throw ResultOutOfRange(nameof(businessTime));
        }

        return TimeLine.ToInstant(result);
    }

    /// <summary>
    /// The business time between two instants: the measure of business time in
    /// <c>[from, to)</c>, negative when <paramref name="to"/> is before <paramref name="from"/>.
    /// </summary>
    /// <param name="from">The start of the span.</param>
    /// <param name="to">The end of the span.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the supported range.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The span reaches into a year the calendar has no holiday data for.</exception>
    public Duration BusinessTimeBetween(Instant from, Instant to)
    {
        var a = CheckInstant(from);
        var b = CheckInstant(to);
        return a <= b
            ? Duration.FromNanoseconds(Measure(a, b))
            : -Duration.FromNanoseconds(Measure(b, a));
    }

    /// <summary>Whether the instant is business time; a closing instant is not (ranges are half-open).</summary>
    /// <param name="instant">The instant.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> is outside the supported range.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The instant's year is not covered by the calendar's holiday data.</exception>
    public bool IsBusinessTime(Instant instant)
    {
        var t = CheckInstant(instant);
        var chunk = GetChunk(ChunkIndexOf(t));
        var i = chunk.FirstEndingAfter(t);
        return i < chunk.Count && chunk.StartAt(i) <= t;
    }

    /// <summary>The first business instant at or after <paramref name="instant"/>: the instant itself during business time, else the next opening.</summary>
    /// <param name="instant">The instant.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="instant"/> or the result is outside the supported range.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The search reaches into a year the calendar has no holiday data for.</exception>
    public Instant NextBusinessTime(Instant instant)
        => TimeLine.ToInstant(NextBusinessTime(CheckInstant(instant), nameof(instant)));

    /// <summary>
    /// Adds working days (工作日): the instant with the same position in the working day,
    /// <paramref name="workingDays"/> working days later.
    /// </summary>
    /// <remarks>
    /// Let <c>s = NextBusinessTime(start)</c> and <c>p</c> the business time elapsed on s's working
    /// day (its local date) before s. The result is the instant at business-time position <c>p</c>
    /// on the <paramref name="workingDays"/>-th working day after s's day, i.e.
    /// <c>Add(first opening of that day, p)</c>; when that day has no more than <c>p</c> of business
    /// time (for example a short make-up day, or <c>p</c> is a whole day) it is that day's closing
    /// instant. Zero returns s. Holidays are skipped and extra working days count; a working day
    /// here is a date with business time. On Mon–Fri 09:00–18:00: Tue 10:00 + 2 = Thu 10:00;
    /// Fri 17:00 + 2 = Tue 17:00; Sat 11:00 + 2 = Wed 09:00 (s is Mon 09:00).
    /// </remarks>
    /// <param name="start">Where to start; need not be business time.</param>
    /// <param name="workingDays">The number of working days to add; must not be negative.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative, or an argument or the result is outside the supported range.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The days reach into a year the calendar has no holiday data for.</exception>
    public Instant AddWorkingDays(Instant start, int workingDays)
    {
        Guard.NotNegative(workingDays);
        var s = NextBusinessTime(CheckInstant(start), nameof(start));
        if (workingDays == 0)
        {
            return TimeLine.ToInstant(s);
        }

        var day = TimeLine.ToInstant(s).InZone(Zone).Date;
        long position = 0;
        var (starts, ends) = IntervalsOn(day);
        for (var i = 0; i < starts.Count && starts[i] < s; i++)
        {
            position += Math.Min(ends[i], s) - starts[i];
        }

        var remaining = workingDays;
        while (true)
        {
            day = day.PlusDays(1);
            if (day.Year > TimeLine.LastSupportedYear)
            {
                throw ResultOutOfRange(nameof(workingDays));
            }

            if (_rules.RangesFor(day).Length == 0)
            {
                continue;
            }

            (starts, ends) = IntervalsOn(day);
            if (starts.Count > 0 && --remaining == 0)
            {
                break;
            }
        }

        for (var i = 0; i < starts.Count; i++)
        {
            var length = ends[i] - starts[i];
            if (position <= length)
            {
                return TimeLine.ToInstant(starts[i] + position);
            }

            position -= length;
        }

        return TimeLine.ToInstant(ends[^1]);
    }

    /// <summary>
    /// Whether the date has working hours by the calendar's rules: an extra working day, or a
    /// weekday with hours that is not a holiday. (Hours lying wholly in a daylight-saving gap would
    /// still make it a working day here, though it then has no business time.)
    /// </summary>
    /// <param name="date">The local date.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the supported years.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The date's year is not covered by the calendar's holiday data.</exception>
    public bool IsWorkingDay(LocalDate date)
    {
        CheckDate(date);
        return _rules.RangesFor(date).Length > 0;
    }

    /// <summary>
    /// The date's business time as instant intervals, in order, adjacent ranges merged. Usually one
    /// interval per working range; a range crossing a fall-back transition can give two.
    /// Empty for a holiday or a day without hours.
    /// </summary>
    /// <param name="date">The local date.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the supported years.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The date's year is not covered by the calendar's holiday data.</exception>
    public IReadOnlyList<Interval> WorkingIntervalsOn(LocalDate date)
    {
        CheckDate(date);
        var (starts, ends) = IntervalsOn(date);
        var result = new Interval[starts.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new Interval(TimeLine.ToInstant(starts[i]), TimeLine.ToInstant(ends[i]));
        }

        return result;
    }

    /// <summary>The holidays and extra working days from <paramref name="from"/> to <paramref name="toInclusive"/>, ordered by date, for explanations.</summary>
    /// <param name="from">The first date.</param>
    /// <param name="toInclusive">The last date, not before <paramref name="from"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A date is outside the supported years.</exception>
    /// <exception cref="ArgumentException"><paramref name="toInclusive"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="CalendarYearNotCoveredException">The range reaches into a year the calendar has no holiday data for.</exception>
    public IEnumerable<CalendarDay> SpecialDaysBetween(LocalDate from, LocalDate toInclusive)
    {
        CheckDate(from);
        CheckDate(toInclusive);
        if (toInclusive < from)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"toInclusive must not be before from ({from:uuuu-MM-dd}), was {toInclusive:uuuu-MM-dd}."), nameof(toInclusive));
        }

        for (var year = from.Year; year <= toInclusive.Year; year++)
        {
            _rules.EnsureCovered(year);
        }

        var days = _rules.SpecialDays;
        int lo = 0, hi = days.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (days[mid].Date >= from)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var result = new List<CalendarDay>();
        for (var i = lo; i < days.Length && days[i].Date <= toInclusive; i++)
        {
            result.Add(days[i]);
        }

        return result.AsReadOnly();
    }

    /// <summary>Returns <see cref="Name"/>.</summary>
    public override string ToString() => Name;

    /// <summary>The rules, for the definition that built the calendar and for tests.</summary>
    internal CalendarRules Rules => _rules;

    internal static IsoDayOfWeek[] AllWeekdays { get; } =
    [
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday,
        IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    ];

    private long Measure(long a, long b)
    {
        var first = ChunkIndexOf(a);
        var last = ChunkIndexOf(b);
        var chunk = GetChunk(first);
        if (first == last)
        {
            return chunk.PositionOf(b) - chunk.PositionOf(a);
        }

        var total = chunk.Total - chunk.PositionOf(a);
        for (var i = first + 1; i < last; i++)
        {
            total += GetChunk(i).Total;
        }

        return total + GetChunk(last).PositionOf(b);
    }

    private long NextBusinessTime(long t, string argumentName)
    {
        var index = ChunkIndexOf(t);
        var chunk = GetChunk(index);
        var i = chunk.FirstEndingAfter(t);
        if (i < chunk.Count)
        {
            return Math.Max(t, chunk.StartAt(i));
        }

        while (++index < ChunkCount)
        {
            chunk = GetChunk(index);
            if (chunk.Count > 0)
            {
                if (chunk.FirstStart > MaxSupported)
                {
                    break;
                }

                return chunk.FirstStart;
            }
        }

        throw ResultOutOfRange(argumentName);
    }

    private (List<long> Starts, List<long> Ends) IntervalsOn(LocalDate date)
    {
        var localMidnight = TimeLine.DayOf(date) * TimeLine.NanosecondsPerDay;
        var margin = Offset.MaxValue.Nanoseconds;
        var starts = new List<long>(4);
        var ends = new List<long>(4);
        IntervalCompiler.Append(_rules, Zone, localMidnight - margin, localMidnight + TimeLine.NanosecondsPerDay + margin, date, starts, ends);
        return (starts, ends);
    }

    private int ChunkIndexOf(long t)
    {
        var starts = _chunkStarts;
        // Dividing first keeps the estimate free of overflow; the loops below correct it by a year or so.
        var index = (int)((t / AverageYearNanoseconds) - (starts[0] / AverageYearNanoseconds));
        if (index < 0)
        {
            index = 0;
        }

        if (index >= ChunkCount)
        {
            index = ChunkCount - 1;
        }

        while (t < starts[index])
        {
            index--;
        }

        while (t >= starts[index + 1])
        {
            index++;
        }

        return index;
    }

    private CompiledYear GetChunk(int index)
        => Volatile.Read(ref _chunks[index]) ?? Compile(index);

    private CompiledYear Compile(int index)
    {
        _rules.EnsureCovered(FirstChunkYear + index);
        var starts = new List<long>(512);
        var ends = new List<long>(512);
        IntervalCompiler.Append(_rules, Zone, _chunkStarts[index], _chunkStarts[index + 1], null, starts, ends);
        var compiled = new CompiledYear([.. starts], [.. ends]);
        return Interlocked.CompareExchange(ref _chunks[index], compiled, null) ?? compiled;
    }

    private static long CheckInstant(Instant value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value < TimeLine.MinSupportedInstant || value >= TimeLine.MaxSupportedInstant)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be from {TimeLine.MinSupportedInstant} (inclusive) to {TimeLine.MaxSupportedInstant} (exclusive), was {value}."));
        }

        return TimeLine.ToNanos(value);
    }

    private static void CheckDate(LocalDate value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value.Year < TimeLine.FirstSupportedYear || value.Year > TimeLine.LastSupportedYear || value.Calendar != CalendarSystem.Iso)
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be an ISO date in the years {TimeLine.FirstSupportedYear}–{TimeLine.LastSupportedYear}, was {value}."));
        }
    }

    private static ArgumentOutOfRangeException ResultOutOfRange(string name)
        => new(name, string.Create(CultureInfo.InvariantCulture, $"{name} takes the result past {TimeLine.MaxSupportedInstant}, the end of the supported range."));
}
