using AfterSales.Calendars;
using AfterSales.Diagnostics;
using AfterSales.Entitlements.Spares;
using AfterSales.Internal;
using AfterSales.Sla;

namespace AfterSales.WorkOrders;

/// <summary>
/// The work-order use cases integrators call (工单应用服务): report a fault, run each command on a
/// ticket by id, read its SLA clocks, list tickets breaching or warning before an instant. Each
/// command loads the ticket, runs the intent method and saves with optimistic concurrency.
/// </summary>
/// <remarks>
/// <para><b>Expected version.</b> Each command takes an optional expected version: pass the version
/// the user saw to reject a decision taken on stale data with a <see cref="ConcurrencyConflictException"/>;
/// omit it to run the command on the current version (a concurrent write between the load and the
/// save still conflicts).</para>
/// <para><b>Actor.</b> <see cref="ActingAs"/> gives a service whose commands record who acts (操作人)
/// on every event they append; the registered service records none.</para>
/// <para>Thread-safe when its store and catalog are; registered as a singleton by <c>AddAfterSales</c>.</para>
/// </remarks>
public sealed class TicketService
{
    private readonly ITicketStore store;
    private readonly ISlaPolicyCatalog catalog;
    private readonly SlaTermsResolver terms;
    private readonly IClock clock;
    private readonly TicketServiceOptions options;
    private readonly Actor? actor;

    /// <summary>Creates the service over its ports.</summary>
    /// <param name="store">Where tickets live.</param>
    /// <param name="catalog">Where SLA policies are found.</param>
    /// <param name="clock">The clock events are timestamped from.</param>
    /// <param name="defaultPolicyId">The policy id <see cref="ReportAsync(TicketReport, CancellationToken)"/> uses, if any.</param>
    public TicketService(ITicketStore store, ISlaPolicyCatalog catalog, IClock clock, string? defaultPolicyId = null)
        : this(store, catalog, clock, new TicketServiceOptions { DefaultPolicyId = defaultPolicyId })
    {
    }

    /// <summary>Creates the service over its ports, with its <paramref name="options"/> and collaborators, under the preset calendars.</summary>
    /// <param name="store">Where tickets live.</param>
    /// <param name="catalog">Where SLA policies are found.</param>
    /// <param name="clock">The clock events are timestamped from.</param>
    /// <param name="options">The default policy, the back-dating bound and the collaborators.</param>
    public TicketService(ITicketStore store, ISlaPolicyCatalog catalog, IClock clock, TicketServiceOptions options)
        : this(store, new SlaTermsResolver(catalog, new InMemoryCalendarCatalog(CalendarPresets.All, clock)), clock, options)
    {
    }

    /// <summary>Creates the service over its ports, reporting and adopting under the tenant's latest catalog calendars.</summary>
    /// <param name="store">Where tickets live.</param>
    /// <param name="terms">Where policies and the tenants' calendar versions are found.</param>
    /// <param name="clock">The clock events are timestamped from.</param>
    /// <param name="defaultPolicyId">The policy id <see cref="ReportAsync(TicketReport, CancellationToken)"/> uses, if any.</param>
    public TicketService(ITicketStore store, SlaTermsResolver terms, IClock clock, string? defaultPolicyId = null)
        : this(store, terms, clock, new TicketServiceOptions { DefaultPolicyId = defaultPolicyId })
    {
    }

    /// <summary>Creates the service over its ports, with its <paramref name="options"/> and collaborators.</summary>
    /// <param name="store">Where tickets live.</param>
    /// <param name="terms">Where policies and the tenants' calendar versions are found.</param>
    /// <param name="clock">The clock events are timestamped from.</param>
    /// <param name="options">The default policy, the back-dating bound and the collaborators.</param>
    public TicketService(ITicketStore store, SlaTermsResolver terms, IClock clock, TicketServiceOptions options)
    {
        this.terms = Guard.NotNull(terms);
        this.store = Guard.NotNull(store);
        catalog = terms.Policies;
        this.clock = Guard.NotNull(clock);
        this.options = Guard.NotNull(options);
    }

    /// <summary>The service's options.</summary>
    public TicketServiceOptions Options => options;
    private TicketService(TicketService other, Actor? actor)
    {
        store = other.store;
        catalog = other.catalog;
        terms = other.terms;
        clock = other.clock;
        options = other.options;
        this.actor = actor;
    }

    /// <summary>Who this service's commands record as the actor of their events; <see langword="null"/> for none.</summary>
    public Actor? Actor => actor;

    /// <summary>
    /// This service with <paramref name="actor"/> recorded on every event its commands append (报障 and
    /// every command): how an adapter hands the request's user to the domain. Cheap; the result is
    /// as thread-safe as this service.
    /// </summary>
    /// <param name="actor">Who acts; <see langword="null"/> records none.</param>
    public TicketService ActingAs(Actor? actor) => Equals(actor, this.actor) ? this : new TicketService(this, actor);

    /// <summary>Opens a work order under the latest version of the default policy (<c>AfterSalesOptions.DefaultPolicyId</c>).</summary>
    /// <exception cref="InvalidOperationException">No default policy is configured.</exception>
    public Task<Ticket> ReportAsync(TicketReport report, CancellationToken cancellationToken = default) =>
        ReportAsync(
            report,
            options.DefaultPolicyId ?? throw new InvalidOperationException("No default SLA policy is configured (AfterSalesOptions.DefaultPolicyId); name the policy when reporting."),
            null,
            cancellationToken);

    /// <summary>
    /// Opens a work order under the SLA policy <paramref name="policyId"/> (报障). With an entitlement
    /// check configured (<see cref="TicketServiceOptions.Entitlements"/>) and none on the report, the
    /// device is looked up and its warranty assessed on the day the fault occurred (R-WO-1): the
    /// report records the <see cref="TicketReport.Entitlement"/> and is billable when it says so; an
    /// unknown device is accepted and marked.
    /// </summary>
    /// <param name="report">What was reported.</param>
    /// <param name="policyId">The SLA policy's id.</param>
    /// <param name="policyVersion">The policy version; the latest when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new ticket, saved at version 1.</returns>
    /// <exception cref="SlaPolicyNotFoundException">The tenant sees no such policy (its own or a shared one).</exception>
    /// <exception cref="ConcurrencyConflictException">The tenant already has a ticket with this id.</exception>
    public async Task<Ticket> ReportAsync(TicketReport report, string policyId, int? policyVersion = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(report);
        Guard.NotBlank(policyId);
        var policy = await catalog.GetAsync(Guard.NotBlank(report.TenantId), policyId, policyVersion, cancellationToken).ConfigureAwait(false);
        // A report the ticket will refuse anyway is not looked up: the refusal names its own field.
        if (options.Entitlements is { } entitlements && report.Entitlement is null
            && !string.IsNullOrWhiteSpace(report.TenantId) && Identifier.IsValid(report.DeviceSerialNumber)
            && (report.FaultOccurredAt is not { } fault || (fault >= SupportedDates.MinInstant && fault <= SupportedDates.MaxInstant)))
        {
            var entitlement = await entitlements.AssessAsync(report.TenantId, report.DeviceSerialNumber, report.FaultOccurredAt ?? clock.GetCurrentInstant(), cancellationToken)
                .ConfigureAwait(false);
            report = report with { Entitlement = entitlement, IsBillable = report.IsBillable || entitlement.IsBillable };
        }

        var ticket = Ticket.Report(report, await terms.ForReportAsync(report.TenantId, policy, cancellationToken).ConfigureAwait(false), clock, actor);
        await store.SaveAsync(ticket, 0, cancellationToken).ConfigureAwait(false);
        DomainTelemetry.TicketReported(ticket);
        return ticket;
    }

    /// <summary>Loads a work order.</summary>
    /// <exception cref="TicketNotFoundException">The tenant has no such ticket.</exception>
    public async Task<Ticket> GetAsync(string tenantId, TicketId id, CancellationToken cancellationToken = default) =>
        await store.LoadAsync(tenantId, id, cancellationToken).ConfigureAwait(false) ?? throw new TicketNotFoundException(tenantId, id);

    /// <summary>
    /// Runs <paramref name="command"/> on the ticket and saves the events it appended. The building
    /// block of the named commands; use it for a command sequence in one save.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The work order.</param>
    /// <param name="expectedVersion">The version the caller decided on, or <see langword="null"/> for the current one.</param>
    /// <param name="command">The intent method(s) to run.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ticket after the command.</returns>
    /// <exception cref="TicketNotFoundException">The tenant has no such ticket.</exception>
    /// <exception cref="ConcurrencyConflictException">The ticket is not at <paramref name="expectedVersion"/>, or changed before the save.</exception>
    /// <exception cref="InvalidTransitionException">The command is not permitted; nothing is saved.</exception>
    public Task<Ticket> ExecuteAsync(string tenantId, TicketId id, int? expectedVersion, Action<Ticket> command, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, command, null, cancellationToken);

    /// <summary>
    /// Runs <paramref name="command"/> on the ticket as of <paramref name="occurredAt"/> when given — a
    /// back-dated fact (<see cref="Ticket.Backdate"/>, bounded by <see cref="TicketServiceOptions.MaxBackdating"/>) —
    /// and saves the events it appended.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The work order.</param>
    /// <param name="expectedVersion">The version the caller decided on, or <see langword="null"/> for the current one.</param>
    /// <param name="command">The intent method(s) to run.</param>
    /// <param name="occurredAt">When the fact happened, if earlier than now; <see langword="null"/> for now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ticket after the command.</returns>
    /// <exception cref="TicketNotFoundException">The tenant has no such ticket.</exception>
    /// <exception cref="ConcurrencyConflictException">The ticket is not at <paramref name="expectedVersion"/>, or changed before the save.</exception>
    /// <exception cref="InvalidTransitionException">The command is not permitted; nothing is saved.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is in the future, before the previous fact, or too old; nothing is saved.</exception>
    public Task<Ticket> ExecuteAsync(
        string tenantId, TicketId id, int? expectedVersion, Action<Ticket> command, Instant? occurredAt, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(command);
        return RunAsync(tenantId, id, expectedVersion, (_, _) => Task.FromResult(command), occurredAt, cancellationToken);
    }

    /// <summary>
    /// Quotes paid work on the ticket from the tenant's stored tendered price list (报价, R-WAR-8) and
    /// submits the quote: the list named in <paramref name="draft"/>, else the one of the contract the
    /// entitlement check found at report. A part above its tendered price, or not on the list, is refused
    /// with the line; the total is computed from the lines. The quote is kept in the ticket's event.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The work order.</param>
    /// <param name="draft">The quote's lines and, optionally, its id and price list.</param>
    /// <param name="expectedVersion">The version the caller decided on, or <see langword="null"/> for the current one.</param>
    /// <param name="occurredAt">When the quote was given, if earlier than now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ticket with the quote submitted (<see cref="Ticket.Quote"/>).</returns>
    /// <exception cref="InvalidOperationException">The service has no price list catalog (<see cref="TicketServiceOptions.PriceLists"/>).</exception>
    /// <exception cref="ArgumentException">No price list is named or found (<c>priceListId</c>), or a line is invalid (<c>lines[i].…</c>).</exception>
    /// <exception cref="Entitlements.Quotes.TenderedPriceExceededException">A part line is above its tendered price or not on the list.</exception>
    public Task<Ticket> SubmitQuoteAsync(
        string tenantId, TicketId id, TicketQuoteDraft draft, int? expectedVersion = null, Instant? occurredAt = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(draft);
        var catalog = options.PriceLists
            ?? throw new InvalidOperationException("The service has no price list catalog (TicketServiceOptions.PriceLists); AddAfterSales registers one.");
        return RunAsync(tenantId, id, expectedVersion, async (ticket, ct) =>
        {
            var listId = draft.PriceListId ?? ticket.ReportDetails.Entitlement?.ContractId
                ?? throw new ArgumentException(
                    $"priceListId is required: the device {ticket.DeviceSerialNumber} names no contract whose price list would price the work.", "draft.PriceListId");
            var list = await catalog.FindAsync(tenantId, listId, draft.PriceListVersion, ct).ConfigureAwait(false)
                ?? throw new ArgumentException(
                    $"priceListId '{listId}'{(draft.PriceListVersion is { } v ? $" version {v}" : "")} is not a price list of the tenant.", "draft.PriceListId");
            var issuedOn = draft.IssuedOn ?? (occurredAt ?? clock.GetCurrentInstant()).InZone(Calendars.ChinaCalendars.BeijingTime).Date;
            var quote = Entitlements.Quotes.Quote.FromLines(
                draft.QuoteId ?? "Q-" + (ticket.Quotes.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ticket.Id.Value, ticket.DeviceSerialNumber, list, issuedOn, draft.Lines);
            return t => t.SubmitQuote(quote);
        }, occurredAt, cancellationToken);
    }

    /// <summary>
    /// R-WAR-6: when the command resolved the fault, the repair counts against the device; a replacement
    /// the device's contract now owes — and did not owe before this repair — is recorded on the ticket,
    /// in the same save, as a <see cref="TicketEventKind.ReplacementObligationRaised"/> event.
    /// </summary>
    private async Task RaiseReplacementObligationsAsync(Ticket ticket, int loaded, CancellationToken cancellationToken)
    {
        if (options.Entitlements is not { } entitlements || options.RepairLog is not { } log)
        {
            return;
        }

        var fresh = ticket.Events.Skip(loaded)
            .Where(static e => e.Kind is TicketEventKind.Resolved or TicketEventKind.ResolvedRemotely)
            .Select(e => new Entitlements.Warranty.DeviceRepair(ticket.Id.Value, e.At, e.Repair?.PartNumber, e.Repair?.Unfixable ?? false))
            .ToArray();
        if (fresh.Length == 0
            || await entitlements.Devices.GetAsync(ticket.TenantId, ticket.DeviceSerialNumber, cancellationToken).ConfigureAwait(false) is not { } device
            || entitlements.PolicyFor(device.Value) is not { RepairLimit: not null } policy)
        {
            return;
        }

        var stored = await log.ListRepairsAsync(ticket.TenantId, ticket.DeviceSerialNumber, cancellationToken).ConfigureAwait(false);
        var before = policy.ReplacementObligations(Entitlements.Warranty.RepairHistory.Of(device.Value, stored, policy.Zone));
        var after = policy.ReplacementObligations(Entitlements.Warranty.RepairHistory.Of(device.Value, [.. stored, .. fresh], policy.Zone));
        foreach (var obligation in after.Where(a => !before.Any(b => b.Scope == a.Scope && string.Equals(b.PartNumber, a.PartNumber, StringComparison.Ordinal))))
        {
            ticket.RaiseReplacementObligation(TicketObligation.From(obligation));
        }
    }

    /// <summary>
    /// The one path of every command: load, check the expected version, let <paramref name="prepare"/>
    /// read what the command needs (a price list, a duty rota …), run the command (back-dated when
    /// <paramref name="occurredAt"/> is given), and save the events it appended.
    /// </summary>
    private async Task<Ticket> RunAsync(
        string tenantId,
        TicketId id,
        int? expectedVersion,
        Func<Ticket, CancellationToken, Task<Action<Ticket>>> prepare,
        Instant? occurredAt,
        CancellationToken cancellationToken,
        Func<Ticket, int, CancellationToken, Task>? save = null)
    {
        var ticket = await GetAsync(tenantId, id, cancellationToken).ConfigureAwait(false);
        var loaded = ticket.Version;
        if (expectedVersion is { } expected && expected != loaded)
        {
            DomainTelemetry.CommandRefused("unknown", "stale_version");
            throw new ConcurrencyConflictException(id, expected, loaded);
        }

        var command = await prepare(ticket, cancellationToken).ConfigureAwait(false);
        var observed = DomainTelemetry.ClocksObserved;
        var previous = ticket.LastEventAt;
        var now = observed ? clock.GetCurrentInstant() : default;
        var before = observed ? ticket.ClockStatuses(now) : [];
        try
        {
            // The actor is stamped on every event the command appends, back-dated or not.
            ticket.ActAs(actor, occurredAt is { } at ? t => t.Backdate(at, options.MaxBackdating, command) : command);
        }
        catch (InvalidTransitionException refused)
        {
            DomainTelemetry.CommandRefused(refused.Command, refused.UnmetGuards.Count > 0 ? "unmet_guard" : "not_permitted");
            throw;
        }

        await RaiseReplacementObligationsAsync(ticket, loaded, cancellationToken).ConfigureAwait(false);

        if (ticket.Version != loaded)
        {
            try
            {
                await (save is null ? store.SaveAsync(ticket, loaded, cancellationToken) : save(ticket, loaded, cancellationToken)).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException)
            {
                DomainTelemetry.CommandRefused(ticket.Events[^1].Kind.ToString(), "concurrent_write");
                throw;
            }

            if (observed)
            {
                DomainTelemetry.ClockTransitions(before, now, ticket.ClockStatuses(ticket.LastEventAt), previous, ticket.LastEventAt);
            }
        }

        return ticket;
    }

    /// <summary>Runs <see cref="Ticket.Acknowledge"/> (响应); see <see cref="ExecuteAsync(string, TicketId, int?, Action{Ticket}, Instant?, CancellationToken)"/> for the errors.</summary>
    public Task<Ticket> AcknowledgeAsync(string tenantId, TicketId id, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, static t => t.Acknowledge(), cancellationToken);

    /// <summary>Runs <see cref="Ticket.StartRemoteDiagnosis"/> (远程诊断).</summary>
    public Task<Ticket> StartRemoteDiagnosisAsync(string tenantId, TicketId id, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, static t => t.StartRemoteDiagnosis(), cancellationToken);

    /// <summary>Runs <see cref="Ticket.ResolveRemotely"/> (远程解决).</summary>
    public Task<Ticket> ResolveRemotelyAsync(string tenantId, TicketId id, string resolution, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, t => t.ResolveRemotely(resolution), cancellationToken);

    /// <summary>Dispatches <paramref name="engineer"/> (派工) with no override; see <see cref="DispatchAsync(string, TicketId, string, string?, int?, Instant?, CancellationToken)"/>.</summary>
    public Task<Ticket> DispatchAsync(string tenantId, TicketId id, string engineer, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        DispatchAsync(tenantId, id, engineer, null, expectedVersion, null, cancellationToken);

    /// <summary>
    /// Sends an engineer on site (派工, R-ORG-1/2). With engineers kept (<see cref="TicketServiceOptions.Engineers"/>,
    /// and the tenant keeps at least one), the engineer must be one of the tenant's and on duty at the
    /// dispatch instant by the rota of their centre (<see cref="Ticket.Dispatch(People.Engineer, People.DutyRota?, string?)"/>),
    /// unless <paramref name="overrideReason"/> says why the rota is overridden. A tenant that keeps no
    /// engineer dispatches by name alone (<see cref="Ticket.Dispatch(string)"/>), as before engineers were kept.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The work order.</param>
    /// <param name="engineer">The engineer's id.</param>
    /// <param name="overrideReason">Why an engineer off duty is sent; <see langword="null"/> to require one on duty.</param>
    /// <param name="expectedVersion">The version the caller decided on, or <see langword="null"/> for the current one.</param>
    /// <param name="occurredAt">When the engineer was sent, if earlier than now: the rota is read at that instant.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ticket, dispatched.</returns>
    /// <exception cref="ArgumentException"><paramref name="engineer"/> breaks the id rule or is not one of the tenant's engineers (<c>engineer</c>), or the override's reason is blank (<c>override.reason</c>).</exception>
    /// <exception cref="People.EngineerNotOnDutyException">The engineer is not on duty then, and no override is given; nothing is saved.</exception>
    /// <exception cref="InvalidTransitionException">Dispatch is not permitted in the ticket's state.</exception>
    public Task<Ticket> DispatchAsync(
        string tenantId, TicketId id, string engineer, string? overrideReason, int? expectedVersion = null, Instant? occurredAt = null, CancellationToken cancellationToken = default)
    {
        Identifier.Check(engineer, "engineer");
        return RunAsync(tenantId, id, expectedVersion, async (ticket, ct) =>
        {
            if (options.Engineers is not { } people)
            {
                return overrideReason is null ? t => t.Dispatch(engineer) : t => t.DispatchUnchecked(engineer, overrideReason);
            }

            var found = await people.GetEngineerAsync(tenantId, engineer, ct).ConfigureAwait(false);
            if (found is null)
            {
                if (!await people.HasEngineersAsync(tenantId, ct).ConfigureAwait(false))
                {
                    return overrideReason is null ? t => t.Dispatch(engineer) : t => t.DispatchUnchecked(engineer, overrideReason);
                }

                throw new ArgumentException($"engineer '{engineer}' is not an engineer of the tenant: dispatch names one kept under /engineers (R-ORG-1).", nameof(engineer));
            }

            var rota = await people.GetRotaAsync(tenantId, found.Value.CentreId, ct).ConfigureAwait(false);
            return t => t.Dispatch(found.Value, rota?.Value, overrideReason);
        }, occurredAt, cancellationToken);
    }

    /// <summary>Runs <see cref="Ticket.ArriveOnSite"/> (到达现场).</summary>
    public Task<Ticket> ArriveOnSiteAsync(string tenantId, TicketId id, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, static t => t.ArriveOnSite(), cancellationToken);

    /// <summary>Runs <see cref="Ticket.EscalateToVendor"/> (申请支援).</summary>
    public Task<Ticket> EscalateToVendorAsync(string tenantId, TicketId id, string reason, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, t => t.EscalateToVendor(reason), cancellationToken);

    /// <summary>Runs <see cref="Ticket.RestoreService"/> (服务恢复运行).</summary>
    public Task<Ticket> RestoreServiceAsync(string tenantId, TicketId id, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, static t => t.RestoreService(), cancellationToken);

    /// <summary>Runs <see cref="Ticket.Resolve"/> (修复).</summary>
    public Task<Ticket> ResolveAsync(string tenantId, TicketId id, string resolution, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, t => t.Resolve(resolution), cancellationToken);

    /// <summary>Runs <see cref="Ticket.StartObservation"/> (运行观察期).</summary>
    public Task<Ticket> StartObservationAsync(string tenantId, TicketId id, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, static t => t.StartObservation(), cancellationToken);

    /// <summary>Runs <see cref="Ticket.SignOff"/> (客户签字确认).</summary>
    public Task<Ticket> SignOffAsync(string tenantId, TicketId id, string signer, int satisfaction, string? comment = null, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, t => t.SignOff(signer, satisfaction, comment), cancellationToken);

    /// <summary>Runs <see cref="Ticket.Close"/> (关闭).</summary>
    public Task<Ticket> CloseAsync(string tenantId, TicketId id, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, static t => t.Close(), cancellationToken);

    /// <summary>Runs <see cref="Ticket.Reopen"/> (故障复发).</summary>
    public Task<Ticket> ReopenAsync(string tenantId, TicketId id, string reason, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, t => t.Reopen(reason), cancellationToken);

    /// <summary>Runs <see cref="Ticket.WaitForCustomer"/> (等待客户).</summary>
    public Task<Ticket> WaitForCustomerAsync(string tenantId, TicketId id, string reason, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, t => t.WaitForCustomer(reason), cancellationToken);

    /// <summary>Runs <see cref="Ticket.Resume"/> (恢复处理).</summary>
    public Task<Ticket> ResumeAsync(string tenantId, TicketId id, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, static t => t.Resume(), cancellationToken);

    /// <summary>Runs <see cref="Ticket.Reclassify"/> (重新定级).</summary>
    public Task<Ticket> ReclassifyAsync(string tenantId, TicketId id, string newSeverityCode, string reason, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, t => t.Reclassify(newSeverityCode, reason), cancellationToken);

    /// <summary>Runs <see cref="Ticket.DeliverRepairPlan"/> (作出修复方案).</summary>
    public Task<Ticket> DeliverRepairPlanAsync(string tenantId, TicketId id, string? note = null, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, t => t.DeliverRepairPlan(note), cancellationToken);

    /// <summary>Runs <see cref="Ticket.ProvideLoaner(string?)"/> (提供备机).</summary>
    public Task<Ticket> ProvideLoanerAsync(string tenantId, TicketId id, string? note = null, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, t => t.ProvideLoaner(note), cancellationToken);

    /// <summary>
    /// Lends the customer a named loaner unit (备机出借, R-SP-5): <see cref="Ticket.ProvideLoaner(TicketLoaner, string?)"/>
    /// (grade checked, the loaner clock met). When the unit names its centre's pool
    /// (<see cref="TicketLoaner.CentreId"/> and <see cref="TicketLoaner.PartNumber"/>), it is one command
    /// with the pool's <see cref="StockMovementKind.LoanerIssued"/> movement against the work order, both
    /// saved in one transaction (<see cref="ITicketStockStore"/>).
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The work order.</param>
    /// <param name="loaner">The unit.</param>
    /// <param name="issuedBy">Who issued it from the pool; required with a pool.</param>
    /// <param name="note">A note kept with the ticket's event.</param>
    /// <param name="expectedVersion">The version the caller decided on, or <see langword="null"/> for the current one.</param>
    /// <param name="occurredAt">When it was handed over, if earlier than now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ticket with the loan.</returns>
    /// <exception cref="InsufficientStockException">The pool has no unit; nothing is saved.</exception>
    /// <exception cref="ArgumentException">A field is invalid (named as clients spell it), or the grade is below the device's; nothing is saved.</exception>
    /// <exception cref="ConcurrencyConflictException">The ticket or the pool moved meanwhile; nothing is saved.</exception>
    /// <exception cref="InvalidOperationException">A pool is named, and the service has no stock ledgers (<see cref="TicketServiceOptions.StockLedgers"/>) or its ticket store is no <see cref="ITicketStockStore"/>.</exception>
    public Task<Ticket> LendLoanerAsync(
        string tenantId, TicketId id, TicketLoaner loaner, string? issuedBy = null, string? note = null, int? expectedVersion = null, Instant? occurredAt = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(loaner);
        return MoveLoanerAsync(tenantId, id, expectedVersion, occurredAt,
            _ => loaner.CentreId is null ? null : loaner,
            t => t.ProvideLoaner(loaner, note),
            (ledger, t, at) => ledger.IssueLoaner(1, t.Id.Value, Identifier.Check(issuedBy, "issuedBy"), at),
            cancellationToken);
    }

    /// <summary>
    /// Takes a lent unit back (备机归还, R-SP-5): <see cref="Ticket.ReturnLoaner"/>, and — when it was lent from
    /// a centre's pool — the pool's <see cref="StockMovementKind.Returned"/> movement, in one transaction.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The work order.</param>
    /// <param name="unitSerialNumber">The unit, as lent.</param>
    /// <param name="receivedBy">Who took it back into the pool; required when it came from one.</param>
    /// <param name="note">A note, e.g. its condition.</param>
    /// <param name="expectedVersion">The version the caller decided on, or <see langword="null"/> for the current one.</param>
    /// <param name="occurredAt">When it came back, if earlier than now.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ticket with the loan ended.</returns>
    /// <exception cref="ArgumentException">No unit of the order is out under <paramref name="unitSerialNumber"/>, or <paramref name="receivedBy"/> is missing for a pool's unit.</exception>
    public Task<Ticket> ReturnLoanerAsync(
        string tenantId, TicketId id, string unitSerialNumber, string? receivedBy = null, string? note = null, int? expectedVersion = null, Instant? occurredAt = null, CancellationToken cancellationToken = default) =>
        MoveLoanerAsync(tenantId, id, expectedVersion, occurredAt,
            t => t.Loaners.FirstOrDefault(l => l.IsOut && string.Equals(l.Loaner.UnitSerialNumber, unitSerialNumber, StringComparison.Ordinal))?.Loaner is { CentreId: not null } pooled ? pooled : null,
            t => t.ReturnLoaner(unitSerialNumber, note),
            (ledger, t, at) => ledger.Return(1, Identifier.Check(receivedBy, "receivedBy"), at, t.Id.Value),
            cancellationToken);

    /// <summary>The loaner command, with the pool's movement in the same save when the unit names a pool.</summary>
    private Task<Ticket> MoveLoanerAsync(
        string tenantId,
        TicketId id,
        int? expectedVersion,
        Instant? occurredAt,
        Func<Ticket, TicketLoaner?> poolOf,
        Action<Ticket> command,
        Func<StockLedger, Ticket, Instant, StockLedger> move,
        CancellationToken cancellationToken)
    {
        StockLedger? ledger = null;
        return RunAsync(
            tenantId,
            id,
            expectedVersion,
            async (ticket, ct) =>
            {
                if (poolOf(ticket) is { CentreId: { } centre } pool)
                {
                    var ledgers = options.StockLedgers
                        ?? throw new InvalidOperationException("The service has no stock ledgers (TicketServiceOptions.StockLedgers); AddAfterSales registers them.");
                    _ = store as ITicketStockStore
                        ?? throw new InvalidOperationException($"A loaner from a pool is saved with the pool's ledger in one transaction, which {store.GetType().Name} cannot do; use a store that implements ITicketStockStore (the EF Core store does).");
                    ledger = await ledgers.LoadAsync(tenantId, Identifier.Check(centre, "centreId"), Identifier.Check(pool.PartNumber, "partNumber"), ct).ConfigureAwait(false);
                }

                return command;
            },
            occurredAt,
            cancellationToken,
            async (ticket, loaded, ct) =>
            {
                if (ledger is null)
                {
                    await store.SaveAsync(ticket, loaded, ct).ConfigureAwait(false);
                    return;
                }

                await ((ITicketStockStore)store).SaveAsync(ticket, loaded, move(ledger, ticket, ticket.LastEventAt), ledger.Version, ct).ConfigureAwait(false);
            });
    }

    /// <summary>Runs <see cref="Ticket.Cancel"/> (撤销).</summary>
    public Task<Ticket> CancelAsync(string tenantId, TicketId id, string reason, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(tenantId, id, expectedVersion, t => t.Cancel(reason), cancellationToken);

    /// <summary>
    /// Moves an open work order to a newer version of its SLA policy (采用新版本), with the tenant's
    /// latest calendars for it: an explicit, audited command recorded as a
    /// <see cref="TicketEventKind.PolicyAdopted"/> event. Clocks that stopped keep the old version.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="id">The work order.</param>
    /// <param name="policyVersion">The version to adopt; the latest when <see langword="null"/>.</param>
    /// <param name="expectedVersion">The ticket version the caller decided on, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <exception cref="SlaPolicyNotFoundException">The tenant sees no such version (its own or a shared one).</exception>
    /// <exception cref="ArgumentException">The version is not newer, or lacks a severity the ticket used (<c>policyVersion</c>).</exception>
    /// <exception cref="AdoptionRefusedException">The order is closed or cancelled.</exception>
    public async Task<Ticket> AdoptPolicyAsync(string tenantId, TicketId id, int? policyVersion = null, int? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var ticket = await GetAsync(tenantId, id, cancellationToken).ConfigureAwait(false);
        var policy = await catalog.GetAsync(tenantId, ticket.Policy.Id, policyVersion, cancellationToken).ConfigureAwait(false);
        var calendars = await terms.LatestCalendarsAsync(tenantId, policy, cancellationToken).ConfigureAwait(false);
        return await ExecuteAsync(tenantId, id, expectedVersion, t => t.AdoptPolicy(policy, calendars), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ticket's SLA clocks (服务时限) at <paramref name="now"/>, or at the clock's current instant.</summary>
    /// <exception cref="TicketNotFoundException">The tenant has no such ticket.</exception>
    public async Task<IReadOnlyList<SlaClock>> GetClocksAsync(string tenantId, TicketId id, Instant? now = null, CancellationToken cancellationToken = default)
    {
        var ticket = await GetAsync(tenantId, id, cancellationToken).ConfigureAwait(false);
        return ticket.Clocks(now ?? clock.GetCurrentInstant());
    }

    /// <summary>
    /// The tenant's open tickets whose next SLA warning or due instant is at or before
    /// <paramref name="before"/> (即将超时/预警), soonest first, from the store's index.
    /// </summary>
    public Task<IReadOnlyList<TicketSummary>> ListBreachingOrWarningBeforeAsync(string tenantId, Instant before, CancellationToken cancellationToken = default) =>
        store.ListDueBeforeAsync(tenantId, before, cancellationToken);

    /// <summary>One page of the tenant's work orders matching <paramref name="query"/>; see <see cref="ITicketStore.ListAsync"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The query's paging is out of range.</exception>
    public Task<IReadOnlyList<TicketSummary>> ListAsync(string tenantId, TicketQuery query, CancellationToken cancellationToken = default)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(query);
        query.Validate();
        return store.ListAsync(tenantId, query, cancellationToken);
    }
}
