using AfterSales.Events;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Deadlines;

/// <summary>
/// What follows a due notice of one <see cref="Type"/> once it has fired — a recurring fact's next occurrence (an
/// inspection plan's next window …). The due-notice queue asks it inside the transaction that emits the notice and
/// writes the answer there too, so a recurring fact never waits for a save to schedule its next notice, and is
/// never scheduled twice. One mechanism for every recurring kind: a kind registers its successor, the queue stays generic.
/// </summary>
internal interface IDueNoticeSuccessor
{
    /// <summary>The event type whose notices it follows, e.g. <see cref="AfterSalesEventTypes.InspectionDue"/>.</summary>
    string Type { get; }

    /// <summary>The notice to schedule after the one of <paramref name="subject"/> that fell due at <paramref name="firedAt"/>; <see langword="null"/> for none.</summary>
    /// <param name="context">The emitting transaction's context: read the fact's current state through it.</param>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="subject">The notice's subject.</param>
    /// <param name="firedAt">The due instant of the notice just emitted.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<DueNotice?> NextAsync(DbContext context, string tenantId, string subject, Instant firedAt, CancellationToken cancellationToken);
}
