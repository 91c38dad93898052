using AfterSales.Internal;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;

namespace AfterSales.Entitlements.Spares;

/// <summary>
/// The result of lending a loaner (备机) to a work order: the pool after the loan, the stock movement,
/// and the instant to record on the ticket as <see cref="Milestone.LoanerProvided"/>, which stops
/// the <see cref="SlaMetric.LoanerProvided"/> clock (R-SP-5, R-SLA-5, R-SLA-6). Immutable.
/// </summary>
public sealed class LoanerIssue
{
    internal LoanerIssue(LoanerPool pool, StockMovement movement)
    {
        Pool = pool;
        Movement = movement;
    }

    /// <summary>The pool after the loan.</summary>
    public LoanerPool Pool { get; }

    /// <summary>The movement recorded in the pool's ledger.</summary>
    public StockMovement Movement { get; }

    /// <summary>The work order the loaner went to.</summary>
    public string WorkOrderId => Movement.WorkOrderId!;

    /// <summary>When the loaner was provided: record it as the milestone.</summary>
    public Instant ProvidedAt => Movement.At;

    /// <summary>Records the milestone on a ticket timeline (a new timeline; the given one is unchanged).</summary>
    /// <exception cref="ArgumentException">The timeline already has a later fact.</exception>
    public TicketTimeline RecordOn(TicketTimeline timeline) => Guard.NotNull(timeline).Reached(Milestone.LoanerProvided, ProvidedAt);
}
