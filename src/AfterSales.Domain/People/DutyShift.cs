namespace AfterSales.People;

/// <summary>
/// One shift of a duty rota (值班班次, R-ORG-2): an engineer on duty from <see cref="Start"/> up to, not
/// including, <see cref="End"/>, both local date-times in the rota's time zone. Immutable, value
/// equality; <see cref="DutyRota.Create"/> checks it.
/// </summary>
public sealed record DutyShift
{
    /// <summary>The engineer on duty.</summary>
    public required string EngineerId { get; init; }

    /// <summary>The first local instant on duty.</summary>
    public required LocalDateTime Start { get; init; }

    /// <summary>The first local instant off duty again; after <see cref="Start"/>.</summary>
    public required LocalDateTime End { get; init; }

    /// <summary>For example <c>E-7 2026-03-02T09:00:00–2026-03-02T17:00:00</c>.</summary>
    public override string ToString() => $"{EngineerId} {Start:yyyy-MM-dd'T'HH:mm:ss}–{End:yyyy-MM-dd'T'HH:mm:ss}";
}
