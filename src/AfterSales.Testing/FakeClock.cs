using NodaTime.TimeZones;

namespace AfterSales.Testing;

/// <summary>
/// A <see cref="IClock"/> that a test moves by hand: it returns the same instant until it is
/// <see cref="Advance">advanced</see> or <see cref="Reset">reset</see>, and optionally moves on by
/// <see cref="AutoAdvance"/> after every read.
/// </summary>
/// <remarks>
/// Give it to <c>Ticket.Report</c>, <c>TicketService</c> or a host's DI container in place of
/// <c>SystemClock.Instance</c>. All members are thread-safe: concurrent readers and writers see a
/// consistent instant, and each read with <see cref="AutoAdvance"/> set returns a distinct instant.
/// </remarks>
public sealed class FakeClock : IClock
{
    private readonly Lock gate = new();
    private Instant now;
    private Duration autoAdvance;

    /// <summary>Creates a clock that reads <paramref name="initial"/>.</summary>
    /// <param name="initial">The first instant the clock returns.</param>
    /// <param name="autoAdvance">How far the clock moves after each read; the default value is zero.</param>
    public FakeClock(Instant initial, Duration autoAdvance = default)
    {
        now = initial;
        this.autoAdvance = autoAdvance;
    }

    /// <summary>A clock at the given UTC date and time.</summary>
    /// <returns>A new clock.</returns>
    public static FakeClock FromUtc(int year, int monthOfYear, int dayOfMonth, int hourOfDay = 0, int minuteOfHour = 0, int secondOfMinute = 0) =>
        new(Instant.FromUtc(year, monthOfYear, dayOfMonth, hourOfDay, minuteOfHour, secondOfMinute));

    /// <summary>A clock at a local date and time in <paramref name="zone"/> (the earlier instant if the local time is ambiguous).</summary>
    /// <exception cref="SkippedTimeException">The local time does not exist in the zone (a daylight-saving gap).</exception>
    /// <returns>A new clock.</returns>
    public static FakeClock At(LocalDateTime local, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var resolver = Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ThrowWhenSkipped);
        return new(zone.ResolveLocal(local, resolver).ToInstant());
    }

    /// <summary>How far the clock moves on after each <see cref="GetCurrentInstant"/>.</summary>
    /// <value>The default value is zero: the clock stands still until advanced.</value>
    public Duration AutoAdvance
    {
        get
        {
            lock (gate)
            {
                return autoAdvance;
            }
        }

        set
        {
            lock (gate)
            {
                autoAdvance = value;
            }
        }
    }

    /// <summary>Returns the current instant, then moves on by <see cref="AutoAdvance"/>.</summary>
    /// <returns>The instant before any auto-advance.</returns>
    public Instant GetCurrentInstant()
    {
        lock (gate)
        {
            var current = now;
            now += autoAdvance;
            return current;
        }
    }

    /// <summary>Moves the clock by <paramref name="duration"/> (which may be negative, to go back).</summary>
    public void Advance(Duration duration)
    {
        lock (gate)
        {
            now += duration;
        }
    }

    /// <summary>Moves the clock by whole minutes.</summary>
    public void AdvanceMinutes(long minutes) => Advance(Duration.FromMinutes(minutes));

    /// <summary>Moves the clock by whole hours.</summary>
    public void AdvanceHours(long hours) => Advance(Duration.FromHours(hours));

    /// <summary>Moves the clock by whole 24-hour days (elapsed time, not calendar days: a DST day is still 24 h here).</summary>
    public void AdvanceDays(int days) => Advance(Duration.FromDays(days));

    /// <summary>Sets the clock to <paramref name="instant"/>.</summary>
    public void Reset(Instant instant)
    {
        lock (gate)
        {
            now = instant;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"FakeClock at {GetCurrentInstantWithoutAdvancing()}";

    private Instant GetCurrentInstantWithoutAdvancing()
    {
        lock (gate)
        {
            return now;
        }
    }
}
