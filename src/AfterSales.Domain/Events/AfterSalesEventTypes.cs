using System.Text;
using AfterSales.WorkOrders;

namespace AfterSales.Events;

/// <summary>
/// The event types (事件类型) of <see cref="DomainEvent.Type"/>, as CloudEvents <c>type</c> values:
/// <c>aftersales.{subject}.{what happened}</c>, lower case, kebab-case. Stable across versions.
/// </summary>
public static class AfterSalesEventTypes
{
    /// <summary>The prefix of every type.</summary>
    public const string Prefix = "aftersales.";

    /// <summary>A work order was opened (报障); data <see cref="TicketChanged"/>.</summary>
    public const string TicketReported = "aftersales.ticket.reported";

    /// <summary>A clock crossed a warning threshold (预警), one event per threshold; data <see cref="ClockAlert"/>.</summary>
    public const string ClockWarning = "aftersales.clock.warning";

    /// <summary>A clock passed its due instant unstopped (超时); data <see cref="ClockAlert"/>.</summary>
    public const string ClockBreached = "aftersales.clock.breached";

    /// <summary>
    /// A clock reached one of its target's escalation levels (升级, R-CP-5; <see cref="Sla.SlaClock.Escalations"/>),
    /// one event per level; data <see cref="ClockAlert"/> with <see cref="ClockThreshold.Escalation"/> naming the level and who it goes to.
    /// </summary>
    public const string ClockEscalated = "aftersales.clock.escalated";

    /// <summary>A clock's milestone came after its due instant (超时完成); data <see cref="ClockAlert"/>.</summary>
    public const string ClockMetLate = "aftersales.clock.met-late";

    /// <summary>A clock counts over a calendar year without data: its due instant is provisional (<see cref="Sla.SlaClock.IsProvisional"/>); data <see cref="ClockAlert"/>.</summary>
    public const string ClockProvisional = "aftersales.clock.provisional";

    /// <summary>A provisional clock is confirmed: the calendar data it lacked was adopted; data <see cref="ClockAlert"/>.</summary>
    public const string ClockConfirmed = "aftersales.clock.confirmed";

    /// <summary>A work order adopted a new policy version: the type of a <see cref="TicketEventKind.PolicyAdopted"/> event, by <see cref="ForTicket"/>.</summary>
    public const string TicketPolicyAdopted = "aftersales.ticket.policy-adopted";

    /// <summary>A complaint was filed (投诉受理); data <see cref="ComplaintChanged"/>.</summary>
    public const string ComplaintFiled = "aftersales.complaint.filed";

    /// <summary>
    /// A complaint went up its escalation path (投诉升级, R-CP-5) as its clocks ran overdue: once per complaint and level, at the
    /// last instant before the level holds (a <see cref="DueNotice"/> the complaint's save schedules, and the deadline watcher emits
    /// and follows with the next level's); data <see cref="ComplaintChanged"/> with the level reached.
    /// </summary>
    public const string ComplaintEscalated = "aftersales.complaint.escalated";

    /// <summary>A complaint was closed (结案); data <see cref="ComplaintChanged"/>.</summary>
    public const string ComplaintClosed = "aftersales.complaint.closed";

    /// <summary>A stock movement was recorded (备件出入库); data <see cref="StockMoved"/>.</summary>
    public const string StockMoved = "aftersales.stock.moved";

    /// <summary>
    /// A stock movement took a centre's stock of a part from its target (R-SP-1, the installed base × the configured ratio)
    /// to below it (库存低于配置量), once per crossing; data <see cref="Events.StockBelowTarget"/>.
    /// </summary>
    public const string StockBelowTarget = "aftersales.stock.below-target";

    /// <summary>A centre's monthly replenishment run placed orders (备件补充下单, R-SP-3), once per tenant, month and centre; data <see cref="Events.ReplenishmentOrdered"/>.</summary>
    public const string ReplenishmentOrdered = "aftersales.stock.replenishment-ordered";

    /// <summary>
    /// A loaner unit lent with a return-by (<see cref="WorkOrders.TicketLoaner.ReturnBy"/>) was not back when it passed (备机逾期未还, R-SP-5),
    /// once per loan, at that instant (a <see cref="DueNotice"/> the deadline watcher emits); data <see cref="Events.LoanerOverdue"/>.
    /// A loaner owed and not provided in time is <see cref="ClockBreached"/> of metric <c>loaner</c>.
    /// </summary>
    public const string LoanerOverdue = "aftersales.loaner.overdue";

    /// <summary>
    /// A recurring inspection plan's window reached its due day with no complete, signed record of the subject (巡检到期, R-IN-1):
    /// at the start of the window's last day, once per plan, subject and window (a <see cref="DueNotice"/> the plan's and the records'
    /// saves schedule, and the deadline watcher emits and follows with the next window's); data <see cref="Events.InspectionWindowDue"/>.
    /// </summary>
    public const string InspectionDue = "aftersales.inspection.due";

    /// <summary>
    /// A registered device's warranty enters its pre-expiry window (保修即将到期, R-IN-2): at the start of the day
    /// <c>AfterSalesOptions.WarrantyExpiringLead</c> before it ends, once per assessed end (a <see cref="DueNotice"/> the device's save
    /// schedules and the deadline watcher emits); data <see cref="Events.WarrantyExpiring"/>.
    /// </summary>
    public const string WarrantyExpiring = "aftersales.warranty.expiring";

    /// <summary>
    /// The type of a ticket event: <c>aftersales.ticket.</c> + the kind in kebab-case —
    /// <c>aftersales.ticket.acknowledged</c>, <c>aftersales.ticket.arrived-on-site</c>, … A kind added
    /// later gets its type the same way, with no change here.
    /// </summary>
    public static string ForTicket(TicketEventKind kind) =>
        kind == TicketEventKind.Reported ? TicketReported : "aftersales.ticket." + Kebab(kind.ToString());

    /// <summary>Every ticket event type, in kind order.</summary>
    public static IReadOnlyList<string> TicketTypes { get; } = [.. Enum.GetValues<TicketEventKind>().Select(ForTicket)];

    /// <summary>Every type emitted today: the ticket types (adoptions included), the clock alerts (escalation levels included), the complaint (escalations included), stock, replenishment, loaner-overdue, warranty-expiring and inspection-due types.</summary>
    public static IReadOnlyList<string> Emitted { get; } =
        [.. TicketTypes, ClockWarning, ClockBreached, ClockEscalated, ClockMetLate, ClockProvisional, ClockConfirmed, ComplaintFiled, ComplaintEscalated, ComplaintClosed, StockMoved, StockBelowTarget, ReplenishmentOrdered, LoanerOverdue, WarrantyExpiring, InspectionDue];

    /// <summary>Every type a subscription may name: <see cref="Emitted"/> and the reserved ones, which later versions emit.</summary>
    public static IReadOnlyList<string> Known { get; } =
        [.. Emitted.Concat([ComplaintEscalated, StockBelowTarget, ReplenishmentOrdered, LoanerOverdue, InspectionDue, WarrantyExpiring]).Distinct()];

    internal static string Kebab(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 8);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    text.Append('-');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
