using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Events;
using AfterSales.Quality.Complaints;
using AfterSales.Sla;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Deadlines;

/// <summary>
/// The <see cref="AfterSalesEventTypes.ComplaintEscalated"/> notices (R-CP-5): what a complaint's save writes
/// (<see cref="DueNotices.ForComplaint"/>), and, as the queue's <see cref="IDueNoticeSuccessor"/>, the next level once one fired.
/// </summary>
internal sealed class ComplaintEscalationNotices : IDueNoticeSuccessor
{
    public ComplaintEscalationNotices(SlaPolicy policy, EscalationPath path, IClock clock, IEventFormatter formatter, EventSignals? signals)
    {
        Policy = policy;
        Path = path;
        Clock = clock;
        Formatter = formatter;
        Signals = signals;
    }

    /// <summary>The complaint clocks' policy: the one the API's complaint reads use.</summary>
    public SlaPolicy Policy { get; }

    /// <summary>The escalation path: the one the API's complaint reads use.</summary>
    public EscalationPath Path { get; }

    public IClock Clock { get; }

    public IEventFormatter Formatter { get; }

    public EventSignals? Signals { get; }

    public string Type => AfterSalesEventTypes.ComplaintEscalated;

    /// <summary>A complaint's save: its next level after now.</summary>
    public DueNotice ForSave(string tenantId, Complaint complaint) => DueNotices.ForComplaint(tenantId, complaint, Policy, Path, Clock.GetCurrentInstant());

    public async Task<DueNotice?> NextAsync(DbContext context, string tenantId, string subject, Instant firedAt, CancellationToken cancellationToken)
    {
        // complaints/{id}, as DueNotices.ForComplaint writes it.
        const string Prefix = "complaints/";
        if (!subject.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var id = subject[Prefix.Length..];
        var row = await context.Set<ComplaintRow>().AsNoTracking()
            .SingleOrDefaultAsync(c => c.TenantId == tenantId && c.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var next = DueNotices.ForComplaint(tenantId, EfCoreComplaintStore<DbContext>.Rebuild(row), Policy, Path, firedAt);
        return next.Event is null ? null : next;
    }
}
