using AfterSales.Internal;

namespace AfterSales.Quality.Reporting;

/// <summary>
/// Everything the quality figures count about one work order as of an instant (工单统计事实): its
/// summary, the ratings on its signed reports, the callback it owes, and the survey and parts
/// shipments recorded against it. One row of the report's audit CSV. Immutable.
/// </summary>
public sealed class WorkOrderFacts
{
    /// <summary>Creates the facts.</summary>
    /// <exception cref="ArgumentException">A null argument, or a record of another work order.</exception>
    public WorkOrderFacts(
        WorkOrderSummary summary,
        IEnumerable<SignOffRating> ratings,
        CallbackRecord? callback,
        IEnumerable<SatisfactionSurvey> surveys,
        IEnumerable<PartsShipment> shipments)
    {
        Summary = Guard.NotNull(summary);
        Ratings = [.. Guard.NotNull(ratings)];
        Callback = callback;
        Surveys = [.. Guard.NotNull(surveys)];
        Shipments = [.. Guard.NotNull(shipments)];
        var id = summary.Id;
        if (Ratings.Any(r => r.WorkOrderId != id) || (callback is not null && callback.WorkOrderId != id)
            || Surveys.Any(s => s.WorkOrderId != id) || Shipments.Any(s => s.WorkOrderId != id))
        {
            throw new ArgumentException($"Every record must be of work order '{id}'.", nameof(summary));
        }
    }

    /// <summary>The work order as of the instant.</summary>
    public WorkOrderSummary Summary { get; }

    /// <summary>Its sign-off ratings.</summary>
    public IReadOnlyList<SignOffRating> Ratings { get; }

    /// <summary>The callback it owes, once resolved.</summary>
    public CallbackRecord? Callback { get; }

    /// <summary>Its surveys.</summary>
    public IReadOnlyList<SatisfactionSurvey> Surveys { get; }

    /// <summary>Its parts shipments.</summary>
    public IReadOnlyList<PartsShipment> Shipments { get; }
}
