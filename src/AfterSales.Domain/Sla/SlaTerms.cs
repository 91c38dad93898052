using AfterSales.Calendars;
using AfterSales.Internal;

namespace AfterSales.Sla;

/// <summary>
/// The contract a work order's clocks are computed under from an instant on (服务条款版本): a policy
/// version and the calendar versions that replace its targets' calendars of the same id. A ticket
/// starts with the terms of its report and adopts newer ones explicitly (a new policy version, a
/// calendar version with a new year's holidays); <see cref="SlaEvaluator.Evaluate(IReadOnlyList{SlaTerms}, Timeline.TicketTimeline, Instant)"/>
/// uses, for a clock that stopped, the terms in force when it stopped, and for an open clock the
/// latest — so completed clocks never change and open ones follow the latest adopted data.
/// </summary>
/// <remarks>Immutable and thread-safe. Two terms are equal when they take effect at the same instant
/// with the same policy key and the same replacing calendars' keys (keys name immutable versions).</remarks>
public sealed class SlaTerms : IEquatable<SlaTerms>
{
    private readonly Dictionary<string, BusinessCalendar> byId;

    private SlaTerms(Instant? effectiveFrom, SlaPolicy policy, Dictionary<string, BusinessCalendar> calendars)
    {
        EffectiveFrom = effectiveFrom;
        Policy = policy;
        byId = calendars;
        CalendarKeys = [.. policy.Targets.Select(CalendarFor).Select(static c => c.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    /// <summary>When the terms took effect; <see langword="null"/> for the terms of the report.</summary>
    public Instant? EffectiveFrom { get; }

    /// <summary>The policy version.</summary>
    public SlaPolicy Policy { get; }

    /// <summary>The keys of the calendars the policy's targets count on under these terms, ordered.</summary>
    public IReadOnlyList<string> CalendarKeys { get; }

    /// <summary>The calendars replacing the policy's own (by id), in id order.</summary>
    public IReadOnlyList<BusinessCalendar> Calendars => [.. byId.Values.OrderBy(static c => c.Id, StringComparer.Ordinal)];

    /// <summary>
    /// Terms of <paramref name="policy"/> with <paramref name="calendars"/> replacing its targets'
    /// calendars of the same id (others are ignored), in force from <paramref name="effectiveFrom"/>.
    /// </summary>
    /// <param name="policy">The policy version.</param>
    /// <param name="calendars">Calendar versions by id; none means the policy's own calendars.</param>
    /// <param name="effectiveFrom">When they took effect; <see langword="null"/> for the report's terms.</param>
    /// <exception cref="ArgumentException">Two calendars have the same id.</exception>
    public static SlaTerms Of(SlaPolicy policy, IEnumerable<BusinessCalendar>? calendars = null, Instant? effectiveFrom = null)
    {
        Guard.NotNull(policy);
        var byId = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        foreach (var calendar in calendars ?? [])
        {
            Guard.NotNull(calendar, nameof(calendars));
            if (!byId.TryAdd(calendar.Id, calendar) && !ReferenceEquals(byId[calendar.Id], calendar))
            {
                throw new ArgumentException($"calendars: two versions of calendar '{calendar.Id}' ({byId[calendar.Id].Key}, {calendar.Key}); give one.", nameof(calendars));
            }
        }

        return new SlaTerms(effectiveFrom, policy, byId);
    }

    /// <summary>The calendar <paramref name="target"/> counts on under these terms.</summary>
    /// <param name="target">A target of <see cref="Policy"/> (or of an earlier policy version).</param>
    public BusinessCalendar CalendarFor(SlaTarget target) =>
        byId.TryGetValue(Guard.NotNull(target).Calendar.Id, out var calendar) ? calendar : target.Calendar;

    /// <summary>
    /// These terms with <paramref name="calendars"/> replacing the calendars of the same id, in force
    /// from <paramref name="at"/>.
    /// </summary>
    /// <param name="calendars">The newer calendar versions.</param>
    /// <param name="at">When they are adopted.</param>
    public SlaTerms WithCalendars(IEnumerable<BusinessCalendar> calendars, Instant at)
    {
        var next = new Dictionary<string, BusinessCalendar>(byId, StringComparer.Ordinal);
        foreach (var calendar in Guard.NotNull(calendars))
        {
            next[Guard.NotNull(calendar, nameof(calendars)).Id] = calendar;
        }

        return new SlaTerms(at, Policy, next);
    }

    /// <summary>These calendars under <paramref name="policy"/>, in force from <paramref name="at"/>.</summary>
    /// <param name="policy">The newer policy version.</param>
    /// <param name="at">When it is adopted.</param>
    public SlaTerms WithPolicy(SlaPolicy policy, Instant at) => new(at, Guard.NotNull(policy), new Dictionary<string, BusinessCalendar>(byId, StringComparer.Ordinal));

    /// <inheritdoc />
    public bool Equals(SlaTerms? other) =>
        other is not null
        && EffectiveFrom == other.EffectiveFrom
        && string.Equals(Policy.Key, other.Policy.Key, StringComparison.Ordinal)
        && byId.Count == other.byId.Count
        && byId.All(p => other.byId.TryGetValue(p.Key, out var c) && string.Equals(c.Key, p.Value.Key, StringComparison.Ordinal));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SlaTerms);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EffectiveFrom, StringComparer.Ordinal.GetHashCode(Policy.Key), byId.Count);

    /// <summary>E.g. <c>cn-002-system-integration@1 with cn-statutory-9-18@2 from 2027-01-04T01:00:00Z</c>.</summary>
    public override string ToString() =>
        $"{Policy.Key} with {string.Join(", ", CalendarKeys)}" + (EffectiveFrom is { } at ? $" from {at}" : string.Empty);
}
