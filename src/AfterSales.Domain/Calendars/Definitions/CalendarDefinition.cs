using System.Globalization;
using AfterSales.Internal;

namespace AfterSales.Calendars;

/// <summary>
/// A business calendar as data (日历定义): id and version, name, IANA time zone, weekly hours (several
/// ranges a day, <c>24:00</c> allowed as an end), and per year the holidays and extra working days
/// (调休) with their hours — exactly what a calendar document holds. <see cref="Calendar"/> is the
/// compiled <see cref="BusinessCalendar"/> it defines. The presets of <see cref="CalendarPresets"/>
/// are definitions, and a catalog (<see cref="ICalendarCatalog"/>) stores them per tenant.
/// </summary>
/// <remarks>
/// <para><b>Years.</b> A definition without years holds for every year (7×24, Monday to Friday). One
/// with years covers exactly those: a question about another year is answered as a plain week (the
/// weekly hours, no holidays), and an SLA clock that reached such a year says it is provisional —
/// unless <see cref="UnknownYears"/> is <see cref="UnknownYearPolicy.Throw"/>, a choice for library
/// callers that want a hard stop.</para>
/// <para><b>Versions.</b> Definitions are immutable; a change (<see cref="WithYear"/>, new hours) is a
/// new definition that a catalog stores as the next version of the same id. Old versions stay
/// readable, so a ticket's clocks can be recomputed with the versions they were computed with.</para>
/// <para>Thread-safe. Equality is by reference.</para>
/// </remarks>
public sealed class CalendarDefinition
{
    private readonly WorkingHours[][] weekly;
    private readonly Lazy<BusinessCalendar> calendar;

    internal CalendarDefinition(string id, int version, string name, DateTimeZone zone, WorkingHours[][] weekly, HolidayYear[] years, UnknownYearPolicy unknownYears, string? source)
    {
        Id = id;
        Version = version;
        Name = name;
        Zone = zone;
        this.weekly = weekly;
        Years = Array.AsReadOnly(years);
        UnknownYears = unknownYears;
        Source = source;
        calendar = new Lazy<BusinessCalendar>(Compile, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The stable id shared by every version, e.g. <c>cn-statutory-9-18</c>: 1–100 letters, digits, '.', '_' or '-'.</summary>
    public string Id { get; }

    /// <summary>The version, 1 or more.</summary>
    public int Version { get; }

    /// <summary><c>id@version</c>, e.g. <c>cn-statutory-9-18@2</c>.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Id}@{Version}");

    /// <summary>A readable name, used in explanations.</summary>
    public string Name { get; }

    /// <summary>The time zone whose wall clock the hours are read on.</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The years with holiday data, ascending; empty when the weekly hours hold for every year.</summary>
    public IReadOnlyList<HolidayYear> Years { get; }

    /// <summary>What the calendar does in a year without data.</summary>
    /// <value>The default value is <see cref="UnknownYearPolicy.TreatAsPlainWeekdays"/> (clocks say they are provisional).</value>
    public UnknownYearPolicy UnknownYears { get; }

    /// <summary>Where the data comes from, or <see langword="null"/>; each year may name its own source too.</summary>
    public string? Source { get; }

    /// <summary>The compiled calendar, built once on first use, carrying this definition's id and version.</summary>
    /// <exception cref="InvalidDefinitionException">Never for a definition made by the builder, which validates first.</exception>
    public BusinessCalendar Calendar => calendar.Value;

    /// <summary>Starts a definition.</summary>
    /// <param name="id">The stable id: 1–100 letters, digits, '.', '_' or '-'.</param>
    /// <param name="name">A readable name, 1–200 characters.</param>
    /// <param name="zoneId">An IANA time-zone id, e.g. <c>Asia/Shanghai</c>.</param>
    /// <returns>A builder; nothing is checked before <see cref="CalendarDefinitionBuilder.Build"/>.</returns>
    public static CalendarDefinitionBuilder CreateBuilder(string id, string name, string zoneId) => new(id, name, zoneId);

    /// <summary>The working hours of <paramref name="day"/>, in the order given; empty for a day off.</summary>
    /// <param name="day">Monday to Sunday.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="day"/> is not a weekday.</exception>
    public IReadOnlyList<WorkingHours> HoursOn(IsoDayOfWeek day)
    {
        if (day is < IsoDayOfWeek.Monday or > IsoDayOfWeek.Sunday)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"day must be Monday–Sunday, was {day}.");
        }

        return weekly[(int)day - 1];
    }

    /// <summary>The data of <paramref name="year"/>, or <see langword="null"/> when the definition has none.</summary>
    /// <param name="year">The year.</param>
    public HolidayYear? Year(int year)
    {
        foreach (var y in Years)
        {
            if (y.Year == year)
            {
                return y;
            }
        }

        return null;
    }

    /// <summary>
    /// This definition with <paramref name="year"/>'s data added or replaced, at the same version
    /// (a catalog gives the saved change the next version).
    /// </summary>
    /// <param name="year">The year's data.</param>
    /// <returns>A new definition.</returns>
    /// <exception cref="InvalidDefinitionException">The year's data does not fit the definition's hours (an overlap).</exception>
    public CalendarDefinition WithYear(HolidayYear year)
    {
        Guard.NotNull(year);
        var years = Years.Where(y => y.Year != year.Year).Append(year).OrderBy(static y => y.Year).ToArray();
        return Checked(new CalendarDefinition(Id, Version, Name, Zone, weekly, years, UnknownYears, Source));
    }

    /// <summary>This definition at <paramref name="version"/>.</summary>
    /// <param name="version">The version, 1 or more.</param>
    /// <returns>A new definition, or this one when the version is the same.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="version"/> is less than 1.</exception>
    public CalendarDefinition WithVersion(int version)
    {
        Guard.Positive(version);
        return version == Version ? this : new CalendarDefinition(Id, version, Name, Zone, weekly, [.. Years], UnknownYears, Source);
    }

    /// <summary>E.g. <c>cn-statutory-9-18@1 5×8 09:00–18:00 Asia/Shanghai (China statutory), 2019–2026</c>.</summary>
    public override string ToString() =>
        $"{Key} {Name}" + (Years.Count == 0 ? string.Empty : ", " + BusinessCalendarBuilder.Describe([.. Years.Select(static y => y.Year)]));

    internal static CalendarDefinition Checked(CalendarDefinition definition)
    {
        try
        {
            _ = definition.Calendar;
            return definition;
        }
        catch (ArgumentException ex) when (ex is not InvalidDefinitionException)
        {
            throw new InvalidDefinitionException($"calendar '{definition.Id}'", [new DefinitionIssue(string.Empty, ex.Message)]);
        }
    }

    private BusinessCalendar Compile()
    {
        var builder = BusinessCalendar.CreateBuilder(Name, Zone).WithIdentity(Id, Version);
        foreach (var day in BusinessCalendar.AllWeekdays)
        {
            builder.WithHours(day, weekly[(int)day - 1]);
        }

        if (Years.Count > 0)
        {
            builder.WithCoveredYears(Years.Select(static y => y.Year), UnknownYears);
            foreach (var year in Years)
            {
                builder.WithSpecialDays(year.Holidays).WithSpecialDays(year.ExtraWorkingDays);
            }
        }

        return builder.Build();
    }
}
