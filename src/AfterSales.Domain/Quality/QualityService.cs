using System.Globalization;
using System.Threading.Channels;
using AfterSales.Entitlements.Warranty;
using AfterSales.Internal;
using AfterSales.Quality.Inspections;
using AfterSales.Quality.Penalties;
using AfterSales.Quality.Reporting;
using AfterSales.Quality.Terms;
using AfterSales.WorkOrders;

namespace AfterSales.Quality;

/// <summary>
/// The quality use cases over the stores (质量应用服务): the quarterly report as of an instant (with
/// its audit CSV), engineers' monthly ledgers, service credits per contract and quarter, and the
/// inspections due. Each reads one consistent snapshot (<see cref="IQualitySnapshotSource"/>) and
/// the quality terms in force (<see cref="IQualityTermsCatalog"/>); work orders are streamed, so the
/// memory a report takes is bounded by the devices and the quarter's records, not the work orders.
/// </summary>
/// <remarks>Thread-safe when its ports are; registered as a singleton by <c>AddAfterSales</c>.</remarks>
public sealed class QualityService
{
    private readonly IQualitySnapshotSource snapshots;
    private readonly IQualityTermsCatalog terms;
    private readonly IInspectionStore inspections;
    private readonly IDeviceRegistry devices;
    private readonly IClock clock;
    private readonly QualityServiceOptions options;

    /// <summary>Creates the service over its ports.</summary>
    public QualityService(IQualitySnapshotSource snapshots, IQualityTermsCatalog terms, IInspectionStore inspections, IDeviceRegistry devices, IClock clock, QualityServiceOptions? options = null)
    {
        this.snapshots = Guard.NotNull(snapshots);
        this.terms = Guard.NotNull(terms);
        this.inspections = Guard.NotNull(inspections);
        this.devices = Guard.NotNull(devices);
        this.clock = Guard.NotNull(clock);
        this.options = options ?? QualityServiceOptions.Default;
    }

    /// <summary>The settings.</summary>
    public QualityServiceOptions Options => options;

    /// <summary>
    /// The quarterly report (季度服务报告, R-RP-1) of <paramref name="year"/>'s <paramref name="quarter"/>
    /// as of <paramref name="asOf"/> (now when null): targets from the terms in force then; devices
    /// registered; every work order whose life overlaps the quarter, or that a survey, callback or
    /// shipment of the quarter is recorded against, read from one snapshot; next quarter's plan from
    /// the inspection plans. When <paramref name="auditLine"/> is given it receives the audit CSV:
    /// the header, then one row per work order, as each is read.
    /// </summary>
    /// <exception cref="ArgumentException">A blank tenant or a quarter outside 1–4.</exception>
    public async Task<QuarterlyReportResult> QuarterlyReportAsync(
        string tenantId,
        int year,
        int quarter,
        Instant? asOf = null,
        Func<string, CancellationToken, ValueTask>? auditLine = null,
        CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        var at = asOf ?? clock.GetCurrentInstant();
        var builderProbe = ReportPeriod.Quarter(year, quarter, options.Zone);
        var measuredEnd = at < builderProbe.EndInstant ? at : builderProbe.EndInstant;
        var inForce = await terms.InForceAtAsync(tenantId, measuredEnd > builderProbe.StartInstant ? measuredEnd - Duration.Epsilon : builderProbe.StartInstant, cancellationToken).ConfigureAwait(false);
        var builder = new QuarterlyReportBuilder(year, quarter, options.Zone, at, options.BusinessCalendar, inForce.Terms.Targets);
        var period = builder.Period;

        await snapshots.ReadAsync(tenantId, async (snapshot, ct) =>
        {
            foreach (var serial in await snapshot.DeviceSerialsAsync(ct).ConfigureAwait(false))
            {
                builder.AddDevice(serial);
            }

            var surveys = (await snapshot.SurveysAsync(period.Start, period.End, ct).ConfigureAwait(false)).ToLookup(static s => s.WorkOrderId, StringComparer.Ordinal);
            var shipments = (await snapshot.ShipmentsAsync(period.Start, period.End, ct).ConfigureAwait(false)).ToLookup(static s => s.WorkOrderId, StringComparer.Ordinal);
            var callbacks = (await snapshot.CallbacksAsync(period.StartInstant, at, ct).ConfigureAwait(false)).ToLookup(static c => c.WorkOrderId, StringComparer.Ordinal);
            var referenced = new HashSet<string>(surveys.Select(static g => g.Key).Concat(shipments.Select(static g => g.Key)).Concat(callbacks.Select(static g => g.Key)), StringComparer.Ordinal);
            if (auditLine is not null)
            {
                await auditLine(QuarterlyReportBuilder.AuditHeader, ct).ConfigureAwait(false);
            }

            async Task Add(Ticket ticket)
            {
                var summary = WorkOrderReporting.Summarise(ticket, at);
                var id = summary.Id;
                var facts = new WorkOrderFacts(
                    summary,
                    WorkOrderReporting.Ratings(ticket, options.Zone, at),
                    WorkOrderReporting.Callback(summary, callbacks[id], options.Zone, at),
                    surveys[id],
                    shipments[id]);
                builder.Add(facts);
                if (auditLine is not null)
                {
                    await auditLine(builder.AuditRow(facts), ct).ConfigureAwait(false);
                }
            }

            await PipelineAsync(snapshot.TicketsAsync(period.StartInstant, builder.ReportedBefore, ct), async ticket =>
            {
                referenced.Remove(ticket.Id.Value);
                await Add(ticket).ConfigureAwait(false);
            }, ct).ConfigureAwait(false);

            // Records of the quarter against work orders whose life ended before it.
            foreach (var id in referenced.Order(StringComparer.Ordinal))
            {
                if (await snapshot.TicketAsync(id, ct).ConfigureAwait(false) is { } ticket && ticket.ReportedAt < builder.ReportedBefore)
                {
                    await Add(ticket).ConfigureAwait(false);
                }
            }

            return 0;
        }, cancellationToken).ConfigureAwait(false);

        var plan = await NextQuarterPlanAsync(tenantId, period, cancellationToken).ConfigureAwait(false);
        var customer = inForce.Terms.Customer.Length > 0 ? inForce.Terms.Customer : tenantId;
        var title = string.Create(CultureInfo.InvariantCulture, $"售后服务季度报告 {year}年第{quarter}季度 (After-sales quarterly report, {year} Q{quarter})");
        return new QuarterlyReportResult(builder.Build(title, customer, [], plan), inForce.Version);
    }

    /// <summary>
    /// Every engineer's ledger of <paramref name="month"/> (月度考核, R-CP-2/3) as of
    /// <paramref name="asOf"/> (now when null), under the penalty policy of the terms in force at
    /// the month's end: the complaints confirmed (verified, engineer responsible) within the
    /// dismissal window ending with the month, and the services completed on work orders (an
    /// on-site resolution by the engineer last dispatched, paid with a signed service report).
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="month">The month.</param>
    /// <param name="asOf">The instant; now when null.</param>
    /// <param name="engineers">The engineers to settle; when null, every engineer with a completed service or a confirmed complaint counted.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public async Task<EngineerLedgerMonth> EngineerLedgersAsync(string tenantId, YearMonth month, Instant? asOf = null, IEnumerable<string>? engineers = null, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        var at = asOf ?? clock.GetCurrentInstant();
        var zone = options.Zone;
        var monthPeriod = ReportPeriod.Month(month, zone);
        var end = at < monthPeriod.EndInstant ? at : monthPeriod.EndInstant;
        var inForce = await terms.InForceAtAsync(tenantId, end > monthPeriod.StartInstant ? end - Duration.Epsilon : monthPeriod.StartInstant, cancellationToken).ConfigureAwait(false);
        var policy = inForce.Terms.Penalties;
        var window = policy.DismissalWindow.For(month);
        var windowStart = zone.AtStartOfDay(window.Start).ToInstant();

        var (complaints, services) = await snapshots.ReadAsync(tenantId, async (snapshot, ct) =>
        {
            var confirmed = (await snapshot.ComplaintsVerifiedAsync(windowStart, end, ct).ConfigureAwait(false))
                .Where(static c => c.IsConfirmed)
                .Select(c => c.ToConfirmed(zone))
                .ToList();
            var completed = new List<CompletedService>();
            await foreach (var ticket in snapshot.TicketsAsync(monthPeriod.StartInstant, Before(at, monthPeriod), ct).ConfigureAwait(false))
            {
                completed.AddRange(WorkOrderReporting.CompletedServices(ticket, zone, at).Where(s => monthPeriod.Contains(s.CompletedOn)));
            }

            return (confirmed, completed);
        }, cancellationToken).ConfigureAwait(false);

        var settled = (engineers ?? complaints.Select(static c => c.EngineerId).Concat(services.Select(static s => s.EngineerId)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        return new EngineerLedgerMonth(month, at, inForce.Version, policy.Currency, [.. settled.Select(e => EngineerLedger.ForMonth(e, month, complaints, services, policy))]);
    }

    /// <summary>
    /// The service credits (服务赔偿) of every contract the terms in force at the quarter's end name,
    /// from the clocks of its work orders as of <paramref name="asOf"/> (now when null); none when
    /// the terms promise no credits.
    /// </summary>
    public async Task<QuarterServiceCredits> ServiceCreditsAsync(string tenantId, int year, int quarter, Instant? asOf = null, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        var at = asOf ?? clock.GetCurrentInstant();
        var period = ReportPeriod.Quarter(year, quarter, options.Zone);
        var end = at < period.EndInstant ? at : period.EndInstant;
        var inForce = await terms.InForceAtAsync(tenantId, end > period.StartInstant ? end - Duration.Epsilon : period.StartInstant, cancellationToken).ConfigureAwait(false);
        if (inForce.Terms.ServiceCredits is not { } credits)
        {
            return new QuarterServiceCredits(year, quarter, at, inForce.Version, []);
        }

        var statements = await snapshots.ReadAsync(tenantId, async (snapshot, ct) =>
        {
            var sum = new QuarterlyServiceCredits(credits, year, quarter, options.Zone, at);
            await foreach (var ticket in snapshot.TicketsAsync(period.StartInstant, Before(at, period), ct).ConfigureAwait(false))
            {
                sum.Add(WorkOrderReporting.Summarise(ticket, at));
            }

            return sum.Build();
        }, cancellationToken).ConfigureAwait(false);
        return new QuarterServiceCredits(year, quarter, at, inForce.Version, statements);
    }

    /// <summary>
    /// The inspections due on <paramref name="on"/> (today in the report zone when null) over every
    /// plan of the tenant (R-IN-1, R-IN-2): each subject's current window and every window missed,
    /// overdue first, then by due day. Pre-expiry plans take each device's warranty end from the
    /// device registry under the plan's warranty policy; a device not registered is left out.
    /// </summary>
    /// <remarks>
    /// An overdue inspection is listed here with <see cref="InspectionStatus.Overdue"/>; raising a domain
    /// event for it belongs to the deadline watcher once the event envelope exists (issue 13).
    /// </remarks>
    public async Task<IReadOnlyList<InspectionDue>> InspectionsDueAsync(string tenantId, LocalDate? on = null, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        var today = on ?? clock.GetCurrentInstant().InZone(options.Zone).Date;
        var plans = await inspections.ListPlansAsync(tenantId, cancellationToken).ConfigureAwait(false);
        var records = await inspections.ListRecordsAsync(tenantId, null, cancellationToken).ConfigureAwait(false);
        var due = new List<InspectionDue>();
        foreach (var plan in plans.Select(static p => p.Value))
        {
            var ends = await WarrantyEndsAsync(tenantId, plan, today, cancellationToken).ConfigureAwait(false);
            due.AddRange(plan.Due(records, today, serial => ends.TryGetValue(serial, out var end) ? end : null));
        }

        return
        [
            .. due.OrderBy(static d => d.Status == InspectionStatus.Overdue ? 0 : d.Status == InspectionStatus.Open ? 1 : 2)
                .ThenBy(static d => d.DueOn)
                .ThenBy(static d => d.PlanCode, StringComparer.Ordinal)
                .ThenBy(static d => d.Subject.Id, StringComparer.Ordinal),
        ];
    }

    /// <summary>
    /// Reads <paramref name="tickets"/> on one task and hands them to <paramref name="consume"/> on
    /// this one, in order, through a small bounded buffer: the reading and rebuilding of work orders
    /// overlaps with summarising them (two cores do the work of one report), and memory stays bounded.
    /// </summary>
    private static async Task PipelineAsync(IAsyncEnumerable<Ticket> tickets, Func<Ticket, Task> consume, CancellationToken cancellationToken)
    {
        var buffer = Channel.CreateBounded<Ticket>(new BoundedChannelOptions(256) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var ticket in tickets.WithCancellation(stop.Token).ConfigureAwait(false))
                    {
                        await buffer.Writer.WriteAsync(ticket, stop.Token).ConfigureAwait(false);
                    }

                    buffer.Writer.Complete();
                }
                catch (Exception ex)
                {
                    buffer.Writer.Complete(ex);
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var ticket in buffer.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await consume(ticket).ConfigureAwait(false);
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }

    /// <summary>The exclusive end of the report instants known at <paramref name="at"/> within <paramref name="period"/>.</summary>
    private static Instant Before(Instant at, ReportPeriod period) => at < period.EndInstant ? at + Duration.Epsilon : period.EndInstant;

    private async Task<IReadOnlyList<string>> NextQuarterPlanAsync(string tenantId, ReportPeriod quarter, CancellationToken cancellationToken)
    {
        var next = ReportPeriod.Days(quarter.End.PlusDays(1), quarter.End.PlusDays(1).PlusMonths(3).PlusDays(-1), quarter.Zone);
        var lines = new List<string>();
        foreach (var plan in (await inspections.ListPlansAsync(tenantId, cancellationToken).ConfigureAwait(false)).Select(static p => p.Value))
        {
            var ends = await WarrantyEndsAsync(tenantId, plan, next.Start, cancellationToken).ConfigureAwait(false);
            foreach (var window in plan.WindowsOpening(next.Start, next.End, serial => ends.TryGetValue(serial, out var end) ? end : null)
                .GroupBy(static w => (w.WindowStart, w.DueOn))
                .OrderBy(static g => g.Key.WindowStart))
            {
                var subjects = window.Select(static w => w.Subject.Id).ToList();
                var what = plan.Recurrence is { } r ? $"{r.NameZh}巡检 {r.NameEn} inspection" : "质保期满前巡检 pre-expiry inspection";
                lines.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{window.Key.WindowStart:uuuu-MM-dd} – {window.Key.DueOn:uuuu-MM-dd}: {what} ({plan.Checklist.NameZh} {plan.Checklist.NameEn}, {plan.Code}): {string.Join(", ", subjects.Take(10))}{(subjects.Count > 10 ? $" … +{subjects.Count - 10}" : "")}"));
            }
        }

        return lines;
    }

    private async Task<Dictionary<string, LocalDate>> WarrantyEndsAsync(string tenantId, InspectionPlan plan, LocalDate on, CancellationToken cancellationToken)
    {
        var ends = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        if (!plan.IsPreExpiry || WarrantyPresets.All.FirstOrDefault(p => string.Equals(p.Code, plan.WarrantyPolicyCode, StringComparison.OrdinalIgnoreCase)) is not { } warranty)
        {
            return ends;
        }

        foreach (var subject in plan.Subjects)
        {
            if (await devices.GetAsync(tenantId, subject.Id, cancellationToken).ConfigureAwait(false) is { } device)
            {
                ends[subject.Id] = warranty.Evaluate(device.Value, on).LastCoveredDay;
            }
        }

        return ends;
    }
}
