using System.Globalization;
using AfterSales.Internal;

namespace AfterSales.People;

/// <summary>
/// A service centre's duty rota (值班表, R-ORG-2): the shifts its engineers are on duty, as local
/// date-times in the centre's time zone, so a rota reads as the centre writes it ("Li Lei, 2 March,
/// 09:00–17:00"). It answers one question: who is on duty at an instant (<see cref="OnDutyAt"/>,
/// <see cref="IsOnDuty"/>). Immutable and thread-safe; built by <see cref="Create"/>.
/// </summary>
/// <remarks>
/// <para><b>The model.</b> Explicit shifts, not a weekly pattern: a 7×24 contract is a rota whose
/// shifts cover every hour (e.g. three 8-hour shifts a day), a 5×8 contract one with a shift on each
/// working day (09:00–17:00); holidays, swaps and make-up days are simply the shifts written for
/// them, with no second rule to reconcile. A centre publishes the coming weeks' shifts.</para>
/// <para><b>Boundaries.</b> A shift is half-open: on duty from its start up to, not including, its end.
/// Shifts may overlap (two engineers on duty at once, or a handover). Local times are mapped to
/// instants leniently (NodaTime's <see cref="DateTimeZone.AtLeniently"/>): a start in a skipped hour
/// moves forward, an ambiguous one takes the earlier instant; China keeps no daylight saving, so
/// for Beijing time the mapping is exact.</para>
/// </remarks>
public sealed class DutyRota
{
    /// <summary>The most shifts one rota holds.</summary>
    public const int MaxShifts = 5000;

    /// <summary>The longest shift.</summary>
    public static Duration MaxShiftLength { get; } = Duration.FromDays(7);

    // The shifts on the instant line, in the given order; a lookup scans them (a rota of weeks holds
    // hundreds, and the scan needs no index to keep in step with overlapping shifts).
    private readonly (string Engineer, Instant Start, Instant End)[] intervals;

    private DutyRota(string centreId, DateTimeZone zone, IReadOnlyList<DutyShift> shifts, (string, Instant, Instant)[] intervals)
    {
        CentreId = centreId;
        Zone = zone;
        Shifts = shifts;
        this.intervals = intervals;
    }

    /// <summary>The service centre (服务中心) whose rota this is.</summary>
    public string CentreId { get; }

    /// <summary>The time zone the shifts' local date-times are in (the centre's calendar zone).</summary>
    public DateTimeZone Zone { get; }

    /// <summary>The shifts, in the order given.</summary>
    public IReadOnlyList<DutyShift> Shifts { get; }

    /// <summary>Creates a rota.</summary>
    /// <param name="centreId">The centre; the <see cref="Identifier"/> rule.</param>
    /// <param name="zone">The centre's time zone, e.g. <see cref="Calendars.ChinaCalendars.BeijingTime"/>.</param>
    /// <param name="shifts">The shifts, at most <see cref="MaxShifts"/>; an empty rota has no one on duty.</param>
    /// <returns>The rota.</returns>
    /// <exception cref="ArgumentException">
    /// A field breaks its rule; the message names it: <c>centreId</c>, <c>shifts</c>, <c>shifts[i].engineerId</c>,
    /// <c>shifts[i].start</c> (outside the supported dates) or <c>shifts[i].end</c> (not after the start, or
    /// longer than <see cref="MaxShiftLength"/>).
    /// </exception>
    public static DutyRota Create(string centreId, DateTimeZone zone, IEnumerable<DutyShift> shifts)
    {
        Identifier.Check(centreId, "centreId");
        Guard.NotNull(zone);
        Guard.NotNull(shifts);
        var list = new List<DutyShift>();
        var intervals = new List<(string, Instant, Instant)>();
        foreach (var shift in shifts)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"shifts[{list.Count}]");
            if (list.Count == MaxShifts)
            {
                throw new ArgumentException($"shifts must hold at most {MaxShifts} items.", nameof(shifts));
            }

            if (shift is null)
            {
                throw new ArgumentException($"{field} must not be null.", field);
            }

            Identifier.Check(shift.EngineerId, field + ".engineerId");
            SupportedDates.Check(shift.Start.Date, field + ".start");
            SupportedDates.Check(shift.End.Date, field + ".end");
            var start = zone.AtLeniently(shift.Start).ToInstant();
            var end = zone.AtLeniently(shift.End).ToInstant();
            if (end <= start)
            {
                throw new ArgumentException($"{field}.end ({shift.End:yyyy-MM-dd'T'HH:mm:ss}) must be after its start ({shift.Start:yyyy-MM-dd'T'HH:mm:ss}).", field + ".end");
            }

            if (end - start > MaxShiftLength)
            {
                throw new ArgumentException($"{field}.end must be at most {MaxShiftLength.TotalDays.ToString(CultureInfo.InvariantCulture)} days after its start.", field + ".end");
            }

            list.Add(shift);
            intervals.Add((shift.EngineerId, start, end));
        }

        return new DutyRota(centreId, zone, list.AsReadOnly(), [.. intervals]);
    }

    /// <summary>Whether <paramref name="engineerId"/> is on duty at <paramref name="at"/>: some shift of theirs starts at or before it and ends after it.</summary>
    /// <param name="engineerId">The engineer.</param>
    /// <param name="at">The instant.</param>
    public bool IsOnDuty(string engineerId, Instant at)
    {
        foreach (var (engineer, start, end) in intervals)
        {
            if (start <= at && at < end && string.Equals(engineer, engineerId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The engineers on duty at <paramref name="at"/>, each once, in the order of their first shift in the rota.</summary>
    /// <param name="at">The instant.</param>
    public IReadOnlyList<string> OnDutyAt(Instant at)
    {
        var found = new List<string>();
        foreach (var (engineer, start, end) in intervals)
        {
            if (start <= at && at < end && !found.Contains(engineer, StringComparer.Ordinal))
            {
                found.Add(engineer);
            }
        }

        return found;
    }

    /// <summary>
    /// Checks that every shift names one of <paramref name="centreEngineers"/>, the engineers kept at
    /// the rota's centre (R-ORG-1): a rota cannot put on duty someone the tenant does not keep there.
    /// </summary>
    /// <param name="centreEngineers">The engineers of <see cref="CentreId"/>.</param>
    /// <exception cref="ArgumentException">A shift names another engineer; the message names the field (<c>shifts[i].engineerId</c>).</exception>
    public void EnsureEngineersOf(IEnumerable<Engineer> centreEngineers)
    {
        Guard.NotNull(centreEngineers);
        var kept = centreEngineers.Where(e => string.Equals(e.CentreId, CentreId, StringComparison.Ordinal)).Select(static e => e.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < Shifts.Count; i++)
        {
            if (!kept.Contains(Shifts[i].EngineerId))
            {
                var field = string.Create(CultureInfo.InvariantCulture, $"shifts[{i}].engineerId");
                throw new ArgumentException($"{field} '{Shifts[i].EngineerId}' is not an engineer of centre '{CentreId}': keep the engineer there first (PUT /engineers/{{id}}).", field);
            }
        }
    }

    /// <summary>For example <c>SH-01 rota, 42 shifts (Asia/Shanghai)</c>.</summary>
    public override string ToString() => $"{CentreId} rota, {Shifts.Count} shifts ({Zone.Id})";
}
