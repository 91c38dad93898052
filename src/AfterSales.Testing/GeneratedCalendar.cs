using AfterSales.Calendars;

namespace AfterSales.Testing;

/// <summary>
/// A calendar made by <see cref="AfterSalesGen.Calendars"/>: the <see cref="BusinessCalendar"/> under
/// test, the plain <see cref="ReferenceCalendar"/> rules it was built from, and the window of real
/// time its special days fall in (generate instants there).
/// </summary>
public sealed class GeneratedCalendar
{
    /// <summary>Pairs a calendar with its rules and window.</summary>
    /// <param name="calendar">The calendar under test.</param>
    /// <param name="rules">The same rules, for the reference.</param>
    /// <param name="windowStart">The start of the window instants should be drawn from.</param>
    /// <param name="windowEnd">The end of the window (exclusive), after <paramref name="windowStart"/>.</param>
    /// <exception cref="ArgumentException">The window is empty.</exception>
    public GeneratedCalendar(BusinessCalendar calendar, ReferenceCalendar rules, Instant windowStart, Instant windowEnd)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rules);
        if (windowEnd <= windowStart)
        {
            throw new ArgumentException($"windowEnd ({windowEnd}) must be after windowStart ({windowStart}).", nameof(windowEnd));
        }

        Calendar = calendar;
        Rules = rules;
        WindowStart = windowStart;
        WindowEnd = windowEnd;
    }

    /// <summary>The calendar under test.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>The rules it was built from, for <see cref="ReferenceSla"/>.</summary>
    public ReferenceCalendar Rules { get; }

    /// <summary>The first instant of the window.</summary>
    public Instant WindowStart { get; }

    /// <summary>The end of the window, exclusive.</summary>
    public Instant WindowEnd { get; }

    /// <summary>The calendar's time zone.</summary>
    public DateTimeZone Zone => Calendar.Zone;

    /// <inheritdoc />
    public override string ToString() => $"{Rules}; window {WindowStart}..{WindowEnd}";
}
