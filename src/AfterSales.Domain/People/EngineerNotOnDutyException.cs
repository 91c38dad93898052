namespace AfterSales.People;

/// <summary>
/// A dispatch (派工) named an engineer who is not on duty at the dispatch instant by their centre's rota
/// (R-ORG-2), and carried no override. Nothing was recorded.
/// </summary>
public sealed class EngineerNotOnDutyException : AfterSalesException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="engineerId">The engineer named.</param>
    /// <param name="centreId">The engineer's centre.</param>
    /// <param name="at">The dispatch instant.</param>
    /// <param name="onDuty">Who is on duty at the centre then; empty when no one is, or the centre keeps no rota.</param>
    /// <param name="hasRota">Whether the centre keeps a rota.</param>
    public EngineerNotOnDutyException(string engineerId, string centreId, Instant at, IReadOnlyList<string> onDuty, bool hasRota)
        : base(Describe(engineerId, centreId, at, onDuty, hasRota))
    {
        EngineerId = engineerId;
        CentreId = centreId;
        At = at;
        OnDuty = onDuty;
        HasRota = hasRota;
    }

    /// <summary>The engineer named.</summary>
    public string EngineerId { get; }

    /// <summary>The engineer's centre.</summary>
    public string CentreId { get; }

    /// <summary>The dispatch instant.</summary>
    public Instant At { get; }

    /// <summary>Who is on duty at the centre at <see cref="At"/>.</summary>
    public IReadOnlyList<string> OnDuty { get; }

    /// <summary>Whether the centre keeps a rota at all.</summary>
    public bool HasRota { get; }

    private static string Describe(string engineerId, string centreId, Instant at, IReadOnlyList<string> onDuty, bool hasRota) =>
        (hasRota
            ? $"engineer '{engineerId}' is not on duty at {at} by the duty rota of centre '{centreId}' (R-ORG-2); "
              + (onDuty.Count == 0 ? "no one is on duty then." : $"on duty then: {string.Join(", ", onDuty)}.")
            : $"engineer '{engineerId}' cannot be on duty at {at}: centre '{centreId}' keeps no duty rota (R-ORG-2).")
        + " Dispatch an engineer on duty, or give an override with its reason.";
}
