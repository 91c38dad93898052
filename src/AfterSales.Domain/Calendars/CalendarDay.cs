using NodaTime;
using System.Globalization;
using AfterSales.Internal;

namespace AfterSales.Calendars;

/// <summary>
/// A date that departs from a calendar's weekly hours: a holiday, or an extra working day with
/// its own hours. Used to build calendars and to explain deadlines ("skipped 春节 Spring Festival").
/// </summary>
/// <remarks>Immutable and thread-safe; equality is by reference.</remarks>
public sealed class CalendarDay
{
    private CalendarDay(LocalDate date, CalendarDayKind kind, string name, string? nameEn, WorkingHours[] hours)
    {
        Date = date;
        Kind = kind;
        Name = name;
        NameEn = nameEn;
        HoursArray = hours;
        Hours = Array.AsReadOnly(hours);
    }

    /// <summary>The local date.</summary>
    public LocalDate Date { get; }

    /// <summary>Whether the date is a holiday or an extra working day.</summary>
    public CalendarDayKind Kind { get; }

    /// <summary>The name of the occasion as published, e.g. <c>春节</c>; for a make-up workday, the holiday it makes up for. Empty for an unnamed holiday.</summary>
    public string Name { get; }

    /// <summary>The English name, e.g. <c>Spring Festival</c>, or <see langword="null"/> when none was given.</summary>
    public string? NameEn { get; }

    /// <summary>The working hours of an extra working day, in order; empty for a holiday.</summary>
    public IReadOnlyList<WorkingHours> Hours { get; }

    internal WorkingHours[] HoursArray { get; }

    /// <summary>Creates a holiday without a name (explanations then just say "holiday").</summary>
    /// <param name="date">The local date.</param>
    public static CalendarDay Holiday(LocalDate date)
        => new(date, CalendarDayKind.Holiday, string.Empty, null, []);

    /// <summary>Creates a holiday.</summary>
    /// <param name="date">The local date.</param>
    /// <param name="name">The name, e.g. <c>国庆节</c>; must not be blank.</param>
    /// <param name="nameEn">An optional English name, e.g. <c>National Day</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank.</exception>
    public static CalendarDay Holiday(LocalDate date, string name, string? nameEn = null)
        => new(date, CalendarDayKind.Holiday, Guard.NotBlank(name), nameEn, []);

    /// <summary>Creates an extra working day with its own hours (validated when the calendar is built).</summary>
    /// <param name="date">The local date.</param>
    /// <param name="name">The name, e.g. the holiday the day makes up for; must not be blank.</param>
    /// <param name="nameEn">An optional English name.</param>
    /// <param name="hours">The day's working hours: at least one range, none overlapping.</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or <paramref name="hours"/> is null.</exception>
    public static CalendarDay ExtraWorkingDay(LocalDate date, string name, string? nameEn, params WorkingHours[] hours)
        => new(date, CalendarDayKind.ExtraWorkingDay, Guard.NotBlank(name), nameEn, [.. Guard.NotNull(hours)]);

    /// <summary>Formats the day for explanations, e.g. <c>2026-02-16 Holiday 春节 (Spring Festival)</c>.</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Date:uuuu-MM-dd} {Kind}");
        if (Name.Length > 0)
        {
            text += " " + Name;
        }

        if (NameEn is not null)
        {
            text += " (" + NameEn + ")";
        }

        if (Kind == CalendarDayKind.ExtraWorkingDay)
        {
            text += " " + string.Join(", ", HoursArray);
        }

        return text;
    }
}
