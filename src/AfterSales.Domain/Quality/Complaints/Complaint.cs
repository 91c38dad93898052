using AfterSales.Internal;
using AfterSales.Quality.Penalties;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;

namespace AfterSales.Quality.Complaints;

/// <summary>
/// A customer's complaint about service quality (服务质量投诉), linked to a work order and the
/// engineer complained about (R-CP-1, R-CP-4, R-CP-5).
/// </summary>
/// <remarks>
/// <para>Immutable: every intent returns a new complaint. Facts need not come in milestone order
/// (a verification may precede the first reply) but never before the filing.</para>
/// <para><b>Clocks.</b> A complaint has no deadline code of its own: <see cref="Timeline"/> turns its
/// facts into a <see cref="TicketTimeline"/> (filed = reported, the reply, verification and answer
/// as milestones) and <see cref="Clocks"/> hands it to <see cref="SlaEvaluator"/> with a complaint
/// policy such as <see cref="ComplaintPolicies.Desk003"/>.</para>
/// <para><b>Closing</b> (结案) needs the complaint solved and the customer's last verdict satisfied;
/// otherwise <see cref="Close"/> throws <see cref="ComplaintTransitionException"/>. Check with
/// <see cref="CanClose"/>.</para>
/// </remarks>
public sealed class Complaint
{
    private Complaint(
        string id,
        string workOrderId,
        string engineerId,
        Instant filedAt,
        string summary,
        ComplaintStatus status = ComplaintStatus.Open,
        Instant? firstRepliedAt = null,
        Instant? verifiedAt = null,
        bool? engineerResponsible = null,
        Instant? formallyAnsweredAt = null,
        Instant? solvedAt = null,
        Instant? verdictAt = null,
        bool? customerSatisfied = null,
        Instant? closedAt = null)
    {
        Id = id;
        WorkOrderId = workOrderId;
        EngineerId = engineerId;
        FiledAt = filedAt;
        Summary = summary;
        Status = status;
        FirstRepliedAt = firstRepliedAt;
        VerifiedAt = verifiedAt;
        EngineerResponsible = engineerResponsible;
        FormallyAnsweredAt = formallyAnsweredAt;
        SolvedAt = solvedAt;
        VerdictAt = verdictAt;
        CustomerSatisfied = customerSatisfied;
        ClosedAt = closedAt;
    }

    /// <summary>Files a complaint (受理投诉).</summary>
    /// <param name="id">The complaint's id.</param>
    /// <param name="workOrderId">The work order the complaint is about.</param>
    /// <param name="engineerId">The engineer complained about.</param>
    /// <param name="filedAt">When the desk received it; its clocks start here.</param>
    /// <param name="summary">What the customer complains about.</param>
    /// <exception cref="ArgumentException">An id or the summary is blank.</exception>
    public static Complaint File(string id, string workOrderId, string engineerId, Instant filedAt, string summary) =>
        new(Identifier.Check(id), Identifier.Check(workOrderId), Identifier.Check(engineerId), SupportedDates.Check(filedAt), Guard.NotBlank(summary));

    /// <summary>The complaint's id.</summary>
    public string Id { get; }

    /// <summary>The work order complained about.</summary>
    public string WorkOrderId { get; }

    /// <summary>The engineer complained about.</summary>
    public string EngineerId { get; }

    /// <summary>When the complaint was filed.</summary>
    public Instant FiledAt { get; }

    /// <summary>What the customer complains about.</summary>
    public string Summary { get; }

    /// <summary>Open or closed.</summary>
    public ComplaintStatus Status { get; }

    /// <summary>When the desk first replied (首次答复).</summary>
    public Instant? FirstRepliedAt { get; }

    /// <summary>When the complaint was checked with the engineer (核实).</summary>
    public Instant? VerifiedAt { get; }

    /// <summary>The verification's outcome: whether the engineer was found responsible (经核实确有责任); null before it.</summary>
    public bool? EngineerResponsible { get; }

    /// <summary>When the formal written answer was given (正式答复).</summary>
    public Instant? FormallyAnsweredAt { get; }

    /// <summary>When the underlying problem was solved.</summary>
    public Instant? SolvedAt { get; }

    /// <summary>When the customer last gave a verdict on the handling.</summary>
    public Instant? VerdictAt { get; }

    /// <summary>The customer's last verdict: satisfied or not; null before any.</summary>
    public bool? CustomerSatisfied { get; }

    /// <summary>When the complaint was closed (结案).</summary>
    public Instant? ClosedAt { get; }

    /// <summary>Whether the complaint is confirmed: verified, and the engineer found responsible. Only confirmed complaints are fined (R-CP-2).</summary>
    public bool IsConfirmed => EngineerResponsible == true;

    /// <summary>Whether <see cref="Close"/> would succeed: open, solved, and the customer satisfied.</summary>
    public bool CanClose => Status == ComplaintStatus.Open && CloseStep.IsPermitted(this);

    /// <summary>
    /// The steps the complaint accepts now, by the names clients use (the HTTP routes):
    /// <c>first-reply</c>, <c>verification</c>, <c>formal-answer</c>, <c>solved</c>, <c>verdict</c>,
    /// <c>close</c>; none once closed.
    /// </summary>
    public IReadOnlyList<string> PermittedCommands =>
        Status == ComplaintStatus.Closed ? [] : [.. Steps.Where(s => s.IsPermitted(this)).Select(static s => s.Command)];

    /// <summary>Records the desk's first reply to the customer.</summary>
    /// <exception cref="ComplaintTransitionException">Closed, or already replied.</exception>
    /// <exception cref="ArgumentException"><paramref name="at"/> is before the filing.</exception>
    public Complaint RecordFirstReply(Instant at)
    {
        Check(FirstReplyStep, at);
        return With(firstRepliedAt: at);
    }

    /// <summary>Records the verification with the engineer and whether the engineer was found responsible.</summary>
    /// <exception cref="ComplaintTransitionException">Closed, or already verified.</exception>
    /// <exception cref="ArgumentException"><paramref name="at"/> is before the filing.</exception>
    public Complaint RecordVerification(Instant at, bool engineerResponsible)
    {
        Check(VerificationStep, at);
        return With(verifiedAt: at, engineerResponsible: engineerResponsible);
    }

    /// <summary>Records the formal written answer.</summary>
    /// <exception cref="ComplaintTransitionException">Closed, or already answered.</exception>
    /// <exception cref="ArgumentException"><paramref name="at"/> is before the filing.</exception>
    public Complaint RecordFormalAnswer(Instant at)
    {
        Check(FormalAnswerStep, at);
        return With(formallyAnsweredAt: at);
    }

    /// <summary>Records that the problem behind the complaint is solved.</summary>
    /// <exception cref="ComplaintTransitionException">Closed, or already solved.</exception>
    /// <exception cref="ArgumentException"><paramref name="at"/> is before the filing.</exception>
    public Complaint RecordSolved(Instant at)
    {
        Check(SolvedStep, at);
        return With(solvedAt: at);
    }

    /// <summary>Records the customer's verdict on the solution; a later verdict replaces an earlier one.</summary>
    /// <exception cref="ComplaintTransitionException">Closed, or not solved yet.</exception>
    /// <exception cref="ArgumentException"><paramref name="at"/> is before the filing.</exception>
    public Complaint RecordCustomerVerdict(Instant at, bool satisfied)
    {
        Check(VerdictStep, at);
        return With(verdictAt: at, customerSatisfied: satisfied);
    }

    /// <summary>Closes the complaint (结案): only when solved and the customer is satisfied (R-CP-4).</summary>
    /// <exception cref="ComplaintTransitionException">Closed already, not solved, or the customer not (yet) satisfied.</exception>
    /// <exception cref="ArgumentException"><paramref name="at"/> is before the filing.</exception>
    public Complaint Close(Instant at)
    {
        Check(CloseStep, at);
        return With(status: ComplaintStatus.Closed, closedAt: at);
    }

    /// <summary>
    /// The complaint's facts as an SLA timeline: opened at the filing with
    /// <see cref="ComplaintPolicies.SeverityCode"/>, by phone, at a local site; the reply,
    /// verification, formal answer and closing as milestones in time order.
    /// </summary>
    public TicketTimeline Timeline()
    {
        var timeline = TicketTimeline.Open(FiledAt, ComplaintPolicies.SeverityCode, ReportChannel.Phone, ServiceSite.Local);
        var milestones = new List<(Instant At, Milestone Milestone)>();
        if (FirstRepliedAt is { } replied)
        {
            milestones.Add((replied, ComplaintMilestones.FirstReplied));
        }

        if (VerifiedAt is { } verified)
        {
            milestones.Add((verified, ComplaintMilestones.VerifiedWithEngineer));
        }

        if (FormallyAnsweredAt is { } answered)
        {
            milestones.Add((answered, ComplaintMilestones.FormallyAnswered));
        }

        if (ClosedAt is { } closed)
        {
            milestones.Add((closed, ComplaintMilestones.Closed));
        }

        foreach (var (at, milestone) in milestones.OrderBy(m => m.At))
        {
            timeline = timeline.Reached(milestone, at);
        }

        return timeline;
    }

    /// <summary>The complaint's clocks under <paramref name="policy"/> at <paramref name="now"/>, computed by <see cref="SlaEvaluator"/>.</summary>
    /// <param name="policy">A complaint policy on <see cref="ComplaintPolicies.Scale"/>, e.g. <see cref="ComplaintPolicies.Desk003"/>.</param>
    /// <param name="now">The evaluation instant.</param>
    public IReadOnlyList<SlaClock> Clocks(SlaPolicy policy, Instant now) => SlaEvaluator.Evaluate(Guard.NotNull(policy), Timeline(), now);

    /// <summary>Where the complaint stands on <paramref name="path"/> at <paramref name="now"/> (R-CP-5).</summary>
    public EscalationDecision Escalation(SlaPolicy policy, EscalationPath path, Instant now) =>
        Guard.NotNull(path).Decide(Clocks(policy, now));

    /// <summary>The complaint as an input to an engineer's ledger, dated in <paramref name="zone"/> on the day of verification.</summary>
    /// <exception cref="InvalidOperationException">The complaint is not confirmed.</exception>
    public ConfirmedComplaint ToConfirmed(DateTimeZone zone)
    {
        Guard.NotNull(zone);
        if (!IsConfirmed || VerifiedAt is not { } verified)
        {
            throw new InvalidOperationException($"Complaint '{Id}' is not confirmed: the engineer was not found responsible (yet).");
        }

        return new ConfirmedComplaint(Id, EngineerId, verified.InZone(zone).Date);
    }

    private void Check(Step step, Instant at)
    {
        if (at < FiledAt)
        {
            throw new ArgumentException($"at ({at}) must not be before the complaint was filed ({FiledAt}).", nameof(at));
        }

        if (Status == ComplaintStatus.Closed)
        {
            throw new ComplaintTransitionException(Id, Status, step.Command, "the complaint is closed", "A closed complaint does not change; file a new one.", []);
        }

        if (!step.IsPermitted(this))
        {
            throw new ComplaintTransitionException(Id, Status, step.Command, step.Unmet(this), step.Hint(this), PermittedCommands);
        }
    }

    private Complaint With(
        ComplaintStatus? status = null,
        Instant? firstRepliedAt = null,
        Instant? verifiedAt = null,
        bool? engineerResponsible = null,
        Instant? formallyAnsweredAt = null,
        Instant? solvedAt = null,
        Instant? verdictAt = null,
        bool? customerSatisfied = null,
        Instant? closedAt = null) =>
        new(
            Id,
            WorkOrderId,
            EngineerId,
            FiledAt,
            Summary,
            status ?? Status,
            firstRepliedAt ?? FirstRepliedAt,
            verifiedAt ?? VerifiedAt,
            engineerResponsible ?? EngineerResponsible,
            formallyAnsweredAt ?? FormallyAnsweredAt,
            solvedAt ?? SolvedAt,
            verdictAt ?? VerdictAt,
            customerSatisfied ?? CustomerSatisfied,
            closedAt ?? ClosedAt);

    // Each step's rule once, named as clients name the step: the refusal and PermittedCommands read the same table.
    private static readonly Step FirstReplyStep = new("first-reply", static c => c.FirstRepliedAt is null, static _ => "the first reply was already recorded", static _ => "Record it once.");
    private static readonly Step VerificationStep = new("verification", static c => c.VerifiedAt is null, static _ => "the verification was already recorded", static _ => "A complaint is verified once.");
    private static readonly Step FormalAnswerStep = new("formal-answer", static c => c.FormallyAnsweredAt is null, static _ => "the formal answer was already recorded", static _ => "Record it once.");
    private static readonly Step SolvedStep = new("solved", static c => c.SolvedAt is null, static _ => "the complaint was already recorded as solved", static _ => "Record it once.");
    private static readonly Step VerdictStep = new("verdict", static c => c.SolvedAt is not null, static _ => "the complaint is not solved yet", static _ => "Record the solution first.");
    private static readonly Step CloseStep = new(
        "close",
        static c => c.SolvedAt is not null && c.CustomerSatisfied == true,
        static c => c.SolvedAt is null ? "the complaint is not solved yet"
            : c.CustomerSatisfied is null ? "the customer has not given a verdict"
            : "the customer's last verdict was dissatisfied",
        static c => c.SolvedAt is null
            ? "Record the solution first."
            : "A complaint closes only when the customer is satisfied; record a satisfied verdict.");

    private static readonly Step[] Steps = [FirstReplyStep, VerificationStep, FormalAnswerStep, SolvedStep, VerdictStep, CloseStep];

    private sealed record Step(string Command, Func<Complaint, bool> IsPermitted, Func<Complaint, string> Unmet, Func<Complaint, string> Hint);
}
