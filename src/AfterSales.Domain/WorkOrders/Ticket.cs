using AfterSales.Calendars;
using System.Globalization;
using AfterSales.Internal;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;

namespace AfterSales.WorkOrders;

/// <summary>
/// A work order (故障处理工作单): the aggregate of one reported fault, from report to closing.
/// Change it only through its intent methods (<see cref="Acknowledge"/>, <see cref="Dispatch(string)"/>, …);
/// each checks <see cref="TicketWorkflow"/> and appends one immutable, timestamped
/// <see cref="TicketEvent"/>. The state is what the events say: <see cref="FromEvents(IEnumerable{TicketEvent}, Func{string, Sla.SlaPolicy}, Func{string, Calendars.BusinessCalendar}, IClock)"/> rebuilds an
/// identical ticket, and <see cref="Timeline"/> and <see cref="Clocks(Instant)"/> derive from the same events.
/// </summary>
/// <remarks>
/// <para><b>Rejections.</b> A trigger the workflow does not permit throws an
/// <see cref="InvalidTransitionException"/> with the state, the command, the unmet guards and the
/// permitted commands; bad input throws an <see cref="ArgumentException"/> naming the field. Either
/// way nothing is appended. Ask first with <see cref="Check(TicketTrigger)"/> or the <c>CanX</c> methods.</para>
/// <para><b>Workflow.</b> <see cref="TicketWorkflow"/> is a Stateless state machine reading this
/// ticket's <see cref="State"/>. It decides — a command asks it at the clock's instant, a replayed
/// event at the event's instant, with the same answer — and applying the event moves the state.</para>
/// <para><b>Time.</b> Every event is timestamped from the injected <see cref="IClock"/>, never the
/// system clock. An event is never timestamped before the previous one: a clock reading behind the
/// last event (e.g. clock skew between nodes) is raised to the last event's instant.</para>
/// <para><b>Thread safety.</b> Not thread-safe: one ticket instance per unit of work. Concurrent
/// writers are detected by the store's optimistic concurrency (<see cref="ITicketStore"/>).</para>
/// </remarks>
public sealed partial class Ticket
{
    private readonly IClock clock;
    private readonly List<TicketEvent> events = [];
    private readonly List<TicketPartsExchange> partsExchanges = [];
    private readonly List<SlaTerms> terms = [];

    // The timeline's entry count and the terms' count after each event, so the clocks of an earlier
    // version can be evaluated (which alerts a save newly raises) without replaying the events.
    private readonly List<(int Entries, int Terms)> counts = [];
    private readonly List<TicketRma> rmas = [];
    private readonly List<TicketLoanerLoan> loaners = [];
    private readonly List<TicketQuote> quotes = [];
    private readonly List<TicketObligation> obligations = [];
    private TicketTimeline? timeline;
    private TicketReport? report;
    private Instant? backdatedTo;

    // Who the commands running now act for (ActAs); stamped on each event they append.
    private Actor? acting;

    private Ticket(SlaTerms initial, IClock clock)
    {
        terms.Add(initial);
        this.clock = clock;
    }

    /// <summary>The work order's id (工单编号).</summary>
    public TicketId Id => ReportDetails.Id;

    /// <summary>The tenant the order belongs to (租户).</summary>
    public string TenantId => ReportDetails.TenantId;

    /// <summary>What was reported (报障登记, R-WO-1).</summary>
    public TicketReport ReportDetails => report!;

    /// <summary>The device's serial number (设备序列号, R-WO-10).</summary>
    public string DeviceSerialNumber => ReportDetails.DeviceSerialNumber;

    /// <summary>The SLA policy version the order is pinned to (服务级别协议): the report's, or the last adopted (<see cref="AdoptPolicy"/>).</summary>
    public SlaPolicy Policy => terms[^1].Policy;

    /// <summary>The policy's key (<c>id@version</c>), as recorded in the report or the last adoption event.</summary>
    public string PolicyKey => Policy.Key;

    /// <summary>The catalog calendar versions the order is pinned to now: the report's, updated by each adoption.</summary>
    public CalendarKeys CalendarKeys => CalendarKeys.Of(terms[^1].Calendars);

    /// <summary>
    /// The terms the clocks are computed under, oldest first: the report's, then one per adoption
    /// (<see cref="AdoptCalendars"/>, <see cref="AdoptPolicy"/>). A stopped clock uses the terms in
    /// force when it stopped; an open clock the latest.
    /// </summary>
    public IReadOnlyList<SlaTerms> Terms => terms.AsReadOnly();

    /// <summary>When the fault was reported (报障时间).</summary>
    public Instant ReportedAt => events[0].At;

    /// <summary>The current state (当前状态).</summary>
    public TicketState State { get; private set; }

    /// <summary>The current severity code (当前故障等级): the last reclassification's, or the reported one.</summary>
    public string SeverityCode { get; private set; } = string.Empty;

    /// <summary>While waiting for the customer: the state the ticket paused from, to which <see cref="Resume"/> returns.</summary>
    public TicketState? PausedFrom { get; private set; }

    /// <summary>1 for the first cycle; +1 for each re-opening after a recurrence (R-WO-4).</summary>
    public int Cycle { get; private set; }

    /// <summary>Whether remote diagnosis was started in the current cycle (R-WO-2).</summary>
    public bool RemoteDiagnosisTried { get; private set; }

    /// <summary>Whether service was restored in the current cycle.</summary>
    public bool ServiceRestoredInCycle { get; private set; }

    /// <summary>The engineer last dispatched in the current cycle (工程师), if any.</summary>
    public string? Engineer { get; private set; }

    /// <summary>What fixed the fault in the current cycle (处理结果), once resolved.</summary>
    public string? Resolution { get; private set; }

    /// <summary>When the current observation period started (运行观察期), if it did.</summary>
    public Instant? ObservationStartedAt { get; private set; }

    /// <summary>The customer's sign-off in the current cycle (客户签字), if given (R-WO-8).</summary>
    public TicketSignOff? CustomerSignOff { get; private set; }

    /// <summary>Whether the work is paid (out of warranty): as reported or as the entitlement check at report decided, or once a quote was submitted (R-WAR-8).</summary>
    public bool IsBillable => report!.IsBillable || report.Entitlement?.IsBillable == true || Quote is not null;

    /// <summary>The current quote for paid work (报价): the last one submitted, if any; <see cref="TicketQuote.AcceptedBy"/> is set once accepted.</summary>
    public TicketQuote? Quote => quotes.Count == 0 ? null : quotes[^1];

    /// <summary>Every quote submitted, oldest first (R-WAR-8): a later quote replaces an earlier one as the current.</summary>
    public IReadOnlyList<TicketQuote> Quotes => quotes;

    /// <summary>The parts replaced so far, each signed for by the customer (R-WO-7).</summary>
    public IReadOnlyList<TicketPartsExchange> PartsExchanges => partsExchanges;

    /// <summary>The parts sent for return-for-repair (坏件返修, R-WO-9), in the order sent, with their returns.</summary>
    public IReadOnlyList<TicketRma> Rmas => rmas;

    /// <summary>Whether a part sent for RMA has not come back yet: the order cannot close until it has (R-WO-9).</summary>
    public bool HasRmaOut => rmas.Exists(static r => r.IsOut);

    /// <summary>The loaner units lent the customer (备机, R-SP-5), in the order provided, with their returns.</summary>
    public IReadOnlyList<TicketLoanerLoan> Loaners => loaners;

    /// <summary>Whether a loaner unit is still with the customer: the order cannot close until it is back (R-SP-5).</summary>
    public bool HasLoanerOut => loaners.Exists(static l => l.IsOut);

    private bool IsLoanerOut(string unitSerialNumber) =>
        loaners.Exists(l => l.IsOut && string.Equals(l.Loaner.UnitSerialNumber, unitSerialNumber, StringComparison.Ordinal));

    /// <summary>The replacements the device came to owe when this order was resolved (R-WAR-6), oldest first.</summary>
    public IReadOnlyList<TicketObligation> ReplacementObligations => obligations;

    /// <summary>The repairs this order recorded on its device, one per resolve (R-WAR-6): they feed the device's repair history.</summary>
    public IReadOnlyList<Entitlements.Warranty.DeviceRepair> Repairs =>
        [.. events.Where(static e => e.Kind is TicketEventKind.Resolved or TicketEventKind.ResolvedRemotely)
            .Select(e => new Entitlements.Warranty.DeviceRepair(Id.Value, e.At, e.Repair?.PartNumber, e.Repair?.Unfixable ?? false))];

    /// <summary>The last review of the order as a legacy issue (遗留问题复核, R-WO-6), if any.</summary>
    public TicketReview? LastLegacyReview { get; private set; }

    /// <summary>When the order was last reviewed as a legacy issue, if ever.</summary>
    public Instant? LastLegacyReviewAt { get; private set; }

    /// <summary>Whether the contract asks for the customer's data to be backed up before on-site changes (R-WO-7), as the entitlement check at report recorded.</summary>
    public bool DataBackupRequired => report!.Entitlement?.DataBackupRequired == true;

    /// <summary>The confirmation that the customer's data was backed up (R-WO-7), if given.</summary>
    public TicketDataBackup? DataBackup { get; private set; }

    /// <summary>Why the order was cancelled, if it was.</summary>
    public string? CancellationReason { get; private set; }

    /// <summary>The number of events so far: 1 after the report, +1 per event (optimistic concurrency).</summary>
    public int Version { get; private set; }

    /// <summary>The instant of the last event.</summary>
    public Instant LastEventAt => events[^1].At;

    /// <summary>Whether the order is closed or cancelled (已结束).</summary>
    public bool IsFinished => State is TicketState.Closed or TicketState.Cancelled;

    /// <summary>The events, oldest first (工单履历). A read-only view.</summary>
    public IReadOnlyList<TicketEvent> Events => events.AsReadOnly();

    /// <summary>The SLA timeline derived from the events (R-WO-3): milestones, pauses, reclassifications, re-openings.</summary>
    public TicketTimeline Timeline => timeline!;

    /// <summary>
    /// Opens a work order (报障): validates the report against <paramref name="policy"/> and records
    /// the <see cref="TicketEventKind.Reported"/> event at the clock's current instant.
    /// </summary>
    /// <param name="report">What was reported.</param>
    /// <param name="policy">The SLA policy version the order is pinned to; the severity must be on its scale.</param>
    /// <param name="clock">The clock every event is timestamped from.</param>
    /// <param name="actor">Who records the report (操作人), when the host knows; stored on the event.</param>
    /// <returns>The new ticket, in <see cref="TicketState.Reported"/>, <see cref="Version"/> 1.</returns>
    /// <exception cref="ArgumentException">A field of the report is missing or invalid; the parameter name says which (e.g. <c>report.DeviceSerialNumber</c>).</exception>
    public static Ticket Report(TicketReport report, SlaPolicy policy, IClock clock, Actor? actor = null) =>
        Report(report, SlaTerms.Of(Guard.NotNull(policy)), clock, actor);

    /// <summary>
    /// Opens a work order under <paramref name="terms"/>: its policy and the catalog calendar versions
    /// that replace the policy's calendars of the same id (see <see cref="SlaTermsResolver"/>); both are
    /// recorded in the <see cref="TicketEventKind.Reported"/> event.
    /// </summary>
    /// <param name="report">What was reported.</param>
    /// <param name="terms">The policy and calendar versions the order is pinned to.</param>
    /// <param name="clock">The clock every event is timestamped from.</param>
    /// <param name="actor">Who records the report (操作人), when the host knows; stored on the event.</param>
    /// <returns>The new ticket, in <see cref="TicketState.Reported"/>, <see cref="Version"/> 1.</returns>
    /// <exception cref="ArgumentException">A field of the report is missing or invalid; the parameter name says which.</exception>
    public static Ticket Report(TicketReport report, SlaTerms terms, IClock clock, Actor? actor = null)
    {
        Guard.NotNull(report);
        Guard.NotNull(terms);
        Guard.NotNull(clock);
        var at = clock.GetCurrentInstant();
        Validate(report, terms.Policy, at);

        var ticket = new Ticket(terms, clock);
        ticket.Apply(new TicketEvent
        {
            Kind = TicketEventKind.Reported,
            TicketId = report.Id,
            Version = 1,
            At = at,
            Report = report,
            PolicyKey = terms.Policy.Key,
            CalendarKeys = terms.Calendars.Count == 0 ? null : CalendarKeys.Of(terms.Calendars),
            Actor = actor,
        });
        return ticket;
    }

    /// <summary>
    /// Runs <paramref name="command"/> — one or more intent methods — with <paramref name="actor"/>
    /// recorded on every event it appends (操作人): the audit trail a dispute needs. Events appended
    /// outside it carry no actor.
    /// </summary>
    /// <param name="actor">Who acts; <see langword="null"/> records none.</param>
    /// <param name="command">The intent methods to run on this ticket.</param>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <remarks>Whatever <paramref name="command"/> throws propagates; events it appended before remain, as without an actor.</remarks>
    public void ActAs(Actor? actor, Action<Ticket> command)
    {
        Guard.NotNull(command);
        var outer = acting;
        acting = actor;
        try
        {
            command(this);
        }
        finally
        {
            acting = outer;
        }
    }

    /// <summary>
    /// Rebuilds a ticket from its events, oldest first, under <paramref name="policy"/>: for a history
    /// that adopted no other policy version, whose calendar keys (if any) are the policy's own calendars.
    /// See <see cref="FromEvents(IEnumerable{TicketEvent}, Func{string, SlaPolicy}, Func{string, BusinessCalendar}, IClock)"/>.
    /// </summary>
    /// <param name="history">The events, starting with <see cref="TicketEventKind.Reported"/>.</param>
    /// <param name="policy">The policy whose key the report event names.</param>
    /// <param name="clock">The clock later events are timestamped from.</param>
    /// <returns>A ticket identical to the one that recorded the events.</returns>
    /// <exception cref="ArgumentException">The history is empty or inconsistent, or names another policy or calendar; the message says which event.</exception>
    public static Ticket FromEvents(IEnumerable<TicketEvent> history, SlaPolicy policy, IClock clock)
    {
        Guard.NotNull(policy);
        var own = policy.Targets.Select(static t => t.Calendar).DistinctBy(static c => c.Key).ToDictionary(static c => c.Key, StringComparer.Ordinal);
        return FromEvents(
            history,
            key => string.Equals(key, policy.Key, StringComparison.Ordinal)
                ? policy
                : throw new ArgumentException($"the ticket is pinned to policy '{key}', but policy '{policy.Key}' was given.", nameof(policy)),
            key => own.TryGetValue(key, out var calendar)
                ? calendar
                : throw new ArgumentException($"the ticket is pinned to calendar '{key}', which policy '{policy.Key}' does not hold; rebuild it with resolvers (SlaTermsResolver).", nameof(policy)),
            clock);
    }

    /// <summary>
    /// Rebuilds a ticket from its events, oldest first. Each event is checked as it was when it was
    /// recorded: versions 1, 2, 3 …; one ticket id; time never going back; the payload its kind needs;
    /// and a transition <see cref="TicketWorkflow"/> permitted at the event's instant. The policy and
    /// calendar versions the report and each adoption name are looked up by key.
    /// </summary>
    /// <param name="history">The events, starting with <see cref="TicketEventKind.Reported"/>.</param>
    /// <param name="policies">The policy of a key <c>id@version</c>; throws when there is none.</param>
    /// <param name="calendars">The calendar of a key <c>id@version</c>; throws when there is none.</param>
    /// <param name="clock">The clock later events are timestamped from.</param>
    /// <returns>A ticket identical to the one that recorded the events.</returns>
    /// <exception cref="ArgumentException">The history is empty or inconsistent, or a key cannot be resolved; the message says which event.</exception>
    public static Ticket FromEvents(IEnumerable<TicketEvent> history, Func<string, SlaPolicy> policies, Func<string, BusinessCalendar> calendars, IClock clock) =>
        FromEvents(history, policies, calendars, clock, verified: 0);

    /// <summary>
    /// <see cref="FromEvents(IEnumerable{TicketEvent}, Func{string, SlaPolicy}, Func{string, BusinessCalendar}, IClock)"/>,
    /// applying the first <paramref name="verified"/> events (which an earlier rebuild of the same history checked)
    /// without checking their payloads and transitions again; their sequence is still checked.
    /// </summary>
    internal static Ticket FromEvents(IEnumerable<TicketEvent> history, Func<string, SlaPolicy> policies, Func<string, BusinessCalendar> calendars, IClock clock, int verified)
    {
        Guard.NotNull(history);
        Guard.NotNull(policies);
        Guard.NotNull(calendars);
        Guard.NotNull(clock);
        Ticket? ticket = null;
        var index = 0;
        foreach (var e in history)
        {
            if (e is null)
            {
                throw new ArgumentException($"{HistoryName(index)} must not be null.", nameof(history));
            }

            if (ticket is null)
            {
                if (e.Kind != TicketEventKind.Reported || e.Report is null || e.Version != 1 || e.PolicyKey is null)
                {
                    throw new ArgumentException($"{HistoryName(index)} must be the Reported event with its report, policy key and version 1, was {e}.", nameof(history));
                }

                SlaTerms initial;
                try
                {
                    initial = SlaTerms.Of(policies(e.PolicyKey), (e.CalendarKeys ?? CalendarKeys.Empty).Select(calendars));
                }
                catch (ArgumentException ex)
                {
                    throw new ArgumentException($"{HistoryName(index)}: {ex.Message.Split(" (Parameter", 2)[0]}", ex.ParamName ?? nameof(history), ex);
                }

                if (e.TicketId != e.Report.Id)
                {
                    throw new ArgumentException($"{HistoryName(index)}: TicketId '{e.TicketId}' differs from the report's id '{e.Report.Id}'.", nameof(history));
                }

                Rethrow(HistoryName(index), () => Validate(e.Report, initial.Policy, e.At));
                ticket = new Ticket(initial, clock);
                ticket.Apply(e);
            }
            else if (e.Kind is TicketEventKind.CalendarsAdopted or TicketEventKind.PolicyAdopted)
            {
                ticket.ReplayAdoption(e, index, policies, calendars);
            }
            else if (index < verified)
            {
                ticket.CheckSequence(e, index);
                ticket.Apply(e);
            }
            else
            {
                ticket.Replay(e, index);
            }

            index++;
        }

        return ticket ?? throw new ArgumentException("history must hold at least the Reported event.", nameof(history));
    }

    /// <summary>Whether the ticket is in <paramref name="stateOrSuperstate"/> (e.g. <see cref="TicketState.Open"/>).</summary>
    public bool IsIn(TicketState stateOrSuperstate) => TicketMachine.IsInState(this, stateOrSuperstate);

    /// <summary>The SLA timeline and terms as they stood at <paramref name="version"/> (1 to <see cref="Version"/>).</summary>
    internal (TicketTimeline Timeline, IReadOnlyList<SlaTerms> Terms) StateAt(int version)
    {
        var (entries, termCount) = counts[version - 1];
        return (Timeline.Prefix(entries), terms.Take(termCount).ToList());
    }

    /// <summary>
    /// The SLA clocks at <paramref name="now"/>: <see cref="SlaEvaluator.Evaluate(IReadOnlyList{SlaTerms}, Sla.Timeline.TicketTimeline, Instant)"/>
    /// of <see cref="Terms"/> on <see cref="Timeline"/> — stopped clocks under the terms in force when
    /// they stopped, open ones under the latest adopted.
    /// </summary>
    public IReadOnlyList<SlaClock> Clocks(Instant now) => SlaEvaluator.Evaluate(terms, Timeline, now);

    /// <summary>The clocks at <paramref name="now"/> (see <see cref="Clocks(Instant)"/>), explained in <paramref name="language"/> (the policy's when null).</summary>
    /// <param name="now">The evaluation instant.</param>
    /// <param name="language">The language of the explanations.</param>
    public IReadOnlyList<SlaClock> Clocks(Instant now, ExplanationLanguage? language) => SlaEvaluator.Evaluate(terms, Timeline, now, language);

    /// <summary>
    /// Whether the order is a legacy issue (遗留问题, R-WO-6) at <paramref name="now"/>: not closed or
    /// cancelled, and some SLA clock is breached or was met late. A derived flag, not a state.
    /// </summary>
    public bool IsLegacyIssue(Instant now) => !IsFinished && ClockStatuses(now).Any(static c => c.IsOverdue);

    /// <summary>The clocks at <paramref name="now"/> without their explanations: for whoever reads instants and statuses only.</summary>
    internal IReadOnlyList<SlaClock> ClockStatuses(Instant now) => SlaEvaluator.EvaluateUnexplained(terms, Timeline, now);

    /// <summary>
    /// The next instant at which an SLA clock may cross a warning threshold or its due instant by time alone
    /// (<see cref="AfterSales.Events.ClockAlerts.Next(IReadOnlyList{SlaTerms}, TicketTimeline, Instant)"/> of <see cref="Terms"/>);
    /// <see langword="null"/> when nothing is pending or the order is finished. Stores index it to find due work.
    /// </summary>
    public Instant? NextDeadlineAfter(Instant now) => IsFinished ? null : AfterSales.Events.ClockAlerts.Next(terms, Timeline, now);

    /// <summary>
    /// Runs <paramref name="command"/> as of <paramref name="occurredAt"/> (补录): a fact that happened
    /// earlier than it is entered — the engineer arrived at 10:05 and enters it at 10:40. Every event the
    /// command appends is at <paramref name="occurredAt"/> (clocks count from it, and the workflow decides
    /// at it) and keeps the instant it was entered as <see cref="TicketEvent.RecordedAt"/>.
    /// </summary>
    /// <param name="occurredAt">When the fact happened.</param>
    /// <param name="maxBackdating">How far back a fact may lie (e.g. <c>AfterSalesOptions.MaxBackdating</c>).</param>
    /// <param name="command">The intent method(s) to run.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="occurredAt"/> is in the future, before the ticket's previous fact, or older than <paramref name="maxBackdating"/>; nothing is appended.</exception>
    /// <exception cref="InvalidOperationException">Called from inside another back-dated command.</exception>
    public void Backdate(Instant occurredAt, Duration maxBackdating, Action<Ticket> command)
    {
        Guard.NotNull(command);
        Guard.NotNegative(maxBackdating);
        if (backdatedTo is not null)
        {
            throw new InvalidOperationException("A back-dated command cannot back-date another.");
        }

        SupportedDates.Check(occurredAt);
        var now = Now();
        if (occurredAt > now)
        {
            throw new ArgumentOutOfRangeException(nameof(occurredAt), occurredAt, $"occurredAt ({occurredAt}) must not be in the future: it is now {now}.");
        }

        if (occurredAt < LastEventAt)
        {
            throw new ArgumentOutOfRangeException(nameof(occurredAt), occurredAt,
                $"occurredAt ({occurredAt}) must not be before the ticket's previous fact ({events[^1].Kind} at {LastEventAt}): facts are recorded in the order they happened.");
        }

        if (now - occurredAt > maxBackdating)
        {
            throw new ArgumentOutOfRangeException(nameof(occurredAt), occurredAt,
                $"occurredAt ({occurredAt}) is more than {DurationText(maxBackdating)} before now ({now}): a fact may be back-dated at most that far.");
        }

        backdatedTo = occurredAt;
        try
        {
            command(this);
        }
        finally
        {
            backdatedTo = null;
        }
    }

    /// <summary>The workflow's answer for <paramref name="trigger"/> now (the clock's instant): permitted and where it leads, or the unmet guards and the permitted triggers.</summary>
    public TicketCommandCheck Check(TicketTrigger trigger) => Check(trigger, Now());

    /// <summary>The workflow's answer for <paramref name="trigger"/> at <paramref name="now"/>.</summary>
    public TicketCommandCheck Check(TicketTrigger trigger, Instant now) => TicketMachine.Check(this, trigger, now);

    /// <summary>Whether <paramref name="trigger"/> is permitted now; see <see cref="Check(TicketTrigger)"/> for the reasons.</summary>
    public bool Can(TicketTrigger trigger) => TicketMachine.CanFire(this, trigger, Now());

    /// <summary>The triggers permitted now, in enum order; <see cref="TicketTriggerExtensions.ToCommandName"/> names them.</summary>
    public IReadOnlyList<TicketTrigger> PermittedTriggers() => TicketMachine.PermittedTriggers(this, Now());

    private static string DurationText(Duration d) =>
        d.TotalHours == Math.Floor(d.TotalHours) ? string.Create(CultureInfo.InvariantCulture, $"{d.TotalHours:0} hours") : d.ToString();

    private Instant Now()
    {
        var now = clock.GetCurrentInstant();
        return events.Count > 0 && now < LastEventAt ? LastEventAt : now;
    }

    private static void Validate(TicketReport report, SlaPolicy policy, Instant reportedAt)
    {
        if (report.Id.IsEmpty)
        {
            throw new ArgumentException("report.Id must not be default(TicketId).", "report.Id");
        }

        Guard.NotBlank(report.TenantId);
        Guard.NotNull(report.Reporter);
        Guard.NotBlank(report.Reporter.Name);
        Guard.NotBlank(report.Reporter.Organization);
        Guard.NotBlank(report.Reporter.Contact);
        if (!Enum.IsDefined(report.Channel))
        {
            throw new ArgumentOutOfRangeException("report.Channel", report.Channel, $"report.Channel must be a ReportChannel value, was {report.Channel}.");
        }

        Guard.NotNull(report.Site);
        Guard.NotBlank(report.Site.Name);
        Guard.NotBlank(report.Site.Address);
        Identifier.Check(report.DeviceSerialNumber, "report.DeviceSerialNumber");
        Guard.NotBlank(report.Symptom);
        Guard.NotBlank(report.SeverityCode);
        CheckSeverity(policy, report.SeverityCode, "report.SeverityCode");
        SupportedDates.Check(report.FaultOccurredAt, "report.FaultOccurredAt");
        if (report.FaultOccurredAt > reportedAt)
        {
            throw new ArgumentException(
                $"report.FaultOccurredAt ({report.FaultOccurredAt}) must not be after the report ({reportedAt}).", "report.FaultOccurredAt");
        }
    }

    private static void CheckSeverity(SlaPolicy policy, string code, string name)
    {
        if (!policy.SeverityScale.Contains(code))
        {
            throw new ArgumentException(
                $"{name} '{code}' is not a level of policy {policy.Key}'s severity scale '{policy.SeverityScale.Code}' "
                + $"({string.Join(", ", policy.SeverityScale.Levels.Select(static l => l.Code))}).",
                name);
        }
    }

    // Formatted only when an event is rejected: replay allocates nothing per event for it.
    private static string HistoryName(int index) => string.Create(CultureInfo.InvariantCulture, $"history[{index}]");

    private static void Rethrow(string eventName, Action action)
    {
        try
        {
            action();
        }
        catch (ArgumentException ex)
        {
            throw InvalidHistory($"{eventName}: {ex.Message}", ex);
        }
    }

    private static ArgumentException InvalidHistory(string message, Exception? inner = null, string history = "history") =>
        new(message, history, inner);
}
