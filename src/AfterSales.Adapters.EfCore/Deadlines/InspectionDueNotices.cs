using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Events;
using AfterSales.Quality.Inspections;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Deadlines;

/// <summary>
/// The <see cref="AfterSalesEventTypes.InspectionDue"/> notices (R-IN-1) read from the stored plans and records inside
/// a transaction: what a plan's save or a record's writes (<see cref="DueNotices.ForInspectionPlan"/>,
/// <see cref="DueNotices.ForInspection"/>), and, as the queue's <see cref="IDueNoticeSuccessor"/>, the next window once one fired.
/// </summary>
internal sealed class InspectionDueNotices : IDueNoticeSuccessor
{
    public InspectionDueNotices(DateTimeZone zone, IClock clock, IEventFormatter formatter, EventSignals? signals)
    {
        Zone = zone;
        Clock = clock;
        Formatter = formatter;
        Signals = signals;
    }

    /// <summary>The zone whose days the windows are: the quality service's, as the due list counts them.</summary>
    public DateTimeZone Zone { get; }

    public IClock Clock { get; }

    public IEventFormatter Formatter { get; }

    public EventSignals? Signals { get; }

    public string Type => AfterSalesEventTypes.InspectionDue;

    /// <summary>A plan's save: each subject's next window, and subjects no longer covered withdrawn.</summary>
    public async Task<IReadOnlyList<DueNotice>> ForPlanAsync(DbContext context, string tenantId, InspectionPlan? previous, InspectionPlan plan, CancellationToken cancellationToken)
    {
        var records = await RecordsAsync(context, tenantId, plan.Subjects, cancellationToken).ConfigureAwait(false);
        return DueNotices.ForInspectionPlan(tenantId, previous, plan, records, Zone, Clock.GetCurrentInstant());
    }

    /// <summary>A record's save: the subject's next window under every plan that covers it.</summary>
    public async Task<IReadOnlyList<DueNotice>> ForRecordAsync(DbContext context, string tenantId, InspectionSubject subject, CancellationToken cancellationToken)
    {
        var plans = await context.Set<InspectionPlanRow>().AsNoTracking().Where(r => r.TenantId == tenantId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var covering = plans.Select(static r => InspectionPayload.Plan(r.Code, r.Document)).Where(p => p.Subjects.Contains(subject)).ToList();
        if (covering.Count == 0)
        {
            return [];
        }

        var records = await RecordsAsync(context, tenantId, [subject], cancellationToken).ConfigureAwait(false);
        var now = Clock.GetCurrentInstant();
        return [.. covering.Select(p => DueNotices.ForInspection(tenantId, p, subject, records, Zone, now))];
    }

    public async Task<DueNotice?> NextAsync(DbContext context, string tenantId, string subject, Instant firedAt, CancellationToken cancellationToken)
    {
        // inspection-plans/{code}/{devices|sites}/{id}, as DueNotices.InspectionSubjectOf writes it.
        var parts = subject.Split('/');
        if (parts is not ["inspection-plans", var code, var kind and ("devices" or "sites"), var id])
        {
            return null;
        }

        code = Uri.UnescapeDataString(code);
        var on = kind == "devices" ? InspectionSubject.Device(Uri.UnescapeDataString(id)) : InspectionSubject.Site(Uri.UnescapeDataString(id));
        var row = await context.Set<InspectionPlanRow>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.TenantId == tenantId && r.Code == code, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        var records = await RecordsAsync(context, tenantId, [on], cancellationToken).ConfigureAwait(false);
        var next = DueNotices.ForInspection(tenantId, InspectionPayload.Plan(row.Code, row.Document), on, records, Zone, firedAt);
        return next.Event is null ? null : next;
    }

    private static async Task<List<InspectionRecord>> RecordsAsync(DbContext context, string tenantId, IReadOnlyList<InspectionSubject> subjects, CancellationToken cancellationToken)
    {
        if (subjects.Count == 0)
        {
            return [];
        }

        // Narrowed by id in the query; the domain matches the kind and the checklist.
        var ids = subjects.Select(static s => s.Id).Distinct().ToList();
        var rows = await context.Set<InspectionRecordRow>().AsNoTracking()
            .Where(r => r.TenantId == tenantId && ids.Contains(r.SubjectId))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(InspectionPayload.Record)];
    }
}
