using NodaTime;
namespace AfterSales.Calendars.Compilation;

/// <summary>
/// One compiled chunk of a calendar: the business intervals of one local year as sorted,
/// non-overlapping, non-empty, non-adjacent <c>[start, end)</c> pairs of instant nanoseconds, with
/// the cumulative business time at the end of each interval. Every query is a binary search.
/// Immutable after construction, so thread-safe.
/// </summary>
internal sealed class CompiledYear
{
    private readonly long[] _starts;
    private readonly long[] _ends;
    private readonly long[] _cumulativeAtEnd;

    public CompiledYear(long[] starts, long[] ends)
    {
        _starts = starts;
        _ends = ends;
        _cumulativeAtEnd = new long[starts.Length];
        long total = 0;
        for (var i = 0; i < starts.Length; i++)
        {
            total += ends[i] - starts[i];
            _cumulativeAtEnd[i] = total;
        }

        Total = total;
    }

    /// <summary>The business time of the whole chunk, in nanoseconds.</summary>
    public long Total { get; }

    public int Count => _starts.Length;

    public long FirstStart => _starts[0];

    public long StartAt(int index) => _starts[index];

    public long EndAt(int index) => _ends[index];

    /// <summary>The index of the first interval ending after <paramref name="t"/>, or <see cref="Count"/>.</summary>
    public int FirstEndingAfter(long t)
    {
        var ends = _ends;
        int lo = 0, hi = ends.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (ends[mid] > t)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    /// <summary>The business time in this chunk before <paramref name="t"/>, in nanoseconds.</summary>
    public long PositionOf(long t)
    {
        var i = FirstEndingAfter(t);
        if (i == _ends.Length)
        {
            return Total;
        }

        var start = _starts[i];
        var cumulativeAtStart = _cumulativeAtEnd[i] - (_ends[i] - start);
        return t <= start ? cumulativeAtStart : cumulativeAtStart + (t - start);
    }

    /// <summary>
    /// The instant at which the business time counted from the chunk's start reaches
    /// <paramref name="target"/> (0 &lt; target ≤ <see cref="Total"/>). Exhausting exactly at a
    /// closing instant returns that closing instant.
    /// </summary>
    public long InstantAt(long target)
    {
        var cumulative = _cumulativeAtEnd;
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (cumulative[mid] >= target)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return _ends[lo] - (cumulative[lo] - target);
    }
}
