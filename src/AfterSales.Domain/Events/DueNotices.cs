using System.Globalization;
using AfterSales.Entitlements.Warranty;
using AfterSales.Internal;
using AfterSales.Quality.Complaints;
using AfterSales.Quality.Inspections;
using AfterSales.Sla;
using AfterSales.WorkOrders;

namespace AfterSales.Events;

/// <summary>
/// The <see cref="DueNotice"/>s a save schedules or withdraws — the events that happen later, at an instant
/// nobody saves anything. Pure: stores call it inside the save's transaction.
/// </summary>
public static class DueNotices
{
    /// <summary>
    /// A work order's loaner notices for a save from <paramref name="expectedVersion"/>: a unit lent with a
    /// <see cref="TicketLoaner.ReturnBy"/> schedules <see cref="AfterSalesEventTypes.LoanerOverdue"/> at that instant
    /// (R-SP-5); the unit's return withdraws it.
    /// </summary>
    /// <param name="ticket">The ticket as saved.</param>
    /// <param name="expectedVersion">The stored version the save starts from.</param>
    public static IReadOnlyList<DueNotice> ForTicketSave(Ticket ticket, int expectedVersion)
    {
        Guard.NotNull(ticket);
        List<DueNotice>? notices = null;
        for (var i = expectedVersion; i < ticket.Events.Count; i++)
        {
            var e = ticket.Events[i];
            if (e.Loaner is not { } unit || e.Kind is not (TicketEventKind.LoanerProvided or TicketEventKind.LoanerReturned))
            {
                continue;
            }

            var subject = $"tickets/{ticket.Id.Value}/loaners/{unit.UnitSerialNumber}";
            notices ??= [];

            // A later fact of the same save about the same unit replaces an earlier one.
            notices.RemoveAll(n => n.Subject == subject);
            if (e.Kind == TicketEventKind.LoanerReturned)
            {
                notices.Add(DueNotice.Withdraw(ticket.TenantId, AfterSalesEventTypes.LoanerOverdue, subject));
            }
            else if (unit.ReturnBy is { } returnBy)
            {
                var version = e.Version.ToString(CultureInfo.InvariantCulture);
                notices.Add(DueNotice.Schedule(new DomainEvent(
                    EventIds.For("loaner-overdue", ticket.TenantId, ticket.Id.Value, unit.UnitSerialNumber, version),
                    AfterSalesEventTypes.LoanerOverdue,
                    ticket.TenantId,
                    subject,
                    returnBy,
                    new LoanerOverdue(ticket.Id, unit, e.At, e.Version))));
            }
        }

        return notices ?? (IReadOnlyList<DueNotice>)[];
    }

    /// <summary>
    /// A device's warranty notice (R-IN-2): <see cref="AfterSalesEventTypes.WarrantyExpiring"/> at the start of the day
    /// <paramref name="lead"/> before its warranty ends (the day after its last covered day, in the policy's zone), as
    /// <paramref name="policy"/> assesses the record with every replacement it holds (R-WAR-3 restarts included). Saving the
    /// device again moves it; it is withdrawn when no policy covers the device's component or the warranty has already
    /// ended at <paramref name="now"/>.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="record">The device as saved.</param>
    /// <param name="policy">Its warranty policy (the record's, or the tenant's default), if any.</param>
    /// <param name="lead">How long before the end to notify, e.g. <see cref="WarrantyPolicy.PreExpiryWindow"/>.</param>
    /// <param name="now">When the device is saved.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="lead"/> is negative.</exception>
    public static DueNotice ForDevice(string tenantId, DeviceRecord record, WarrantyPolicy? policy, Period lead, Instant now)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(record);
        Guard.NotNull(lead);
        var subject = $"devices/{record.SerialNumber}/warranty";
        if (policy?.TermFor(record.Component) is null)
        {
            return DueNotice.Withdraw(tenantId, AfterSalesEventTypes.WarrantyExpiring, subject);
        }

        // Assessed as of the end of time: every recorded replacement counts; the status is not used, only the covered days.
        var assessment = policy.Evaluate(record, LocalDate.MaxIsoValue);
        var endsOn = assessment.LastCoveredDay.PlusDays(1);
        var notifyOn = endsOn.Minus(lead);
        if (notifyOn > endsOn)
        {
            throw new ArgumentOutOfRangeException(nameof(lead), lead, $"lead must not be negative, was {lead}.");
        }

        var endsAt = endsOn.AtStartOfDayInZone(policy.Zone).ToInstant();
        if (endsAt <= now)
        {
            return DueNotice.Withdraw(tenantId, AfterSalesEventTypes.WarrantyExpiring, subject);
        }

        var dueAt = notifyOn.AtStartOfDayInZone(policy.Zone).ToInstant();
        return DueNotice.Schedule(new DomainEvent(
            EventIds.For("warranty-expiring", tenantId, record.SerialNumber, policy.Code, endsOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), notifyOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)),
            AfterSalesEventTypes.WarrantyExpiring,
            tenantId,
            subject,
            dueAt,
            new WarrantyExpiring(record, policy.Code, assessment.StartsOn, assessment.LastCoveredDay, endsAt)));
    }

    /// <summary>
    /// An inspection plan's notices for a save of <paramref name="plan"/> (R-IN-1): <see cref="ForInspection"/> for each
    /// subject it covers, and a withdrawal for each subject <paramref name="previous"/> covered that it no longer does.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="previous">The plan as stored before the save, if any.</param>
    /// <param name="plan">The plan as saved.</param>
    /// <param name="records">Inspection records of its subjects (others are ignored).</param>
    /// <param name="zone">The zone whose days the windows are (the due list's).</param>
    /// <param name="now">When the plan is saved.</param>
    public static IReadOnlyList<DueNotice> ForInspectionPlan(string tenantId, InspectionPlan? previous, InspectionPlan plan, IEnumerable<InspectionRecord> records, DateTimeZone zone, Instant now)
    {
        Guard.NotNull(plan);
        var list = Guard.NotNull(records) as IReadOnlyCollection<InspectionRecord> ?? [.. records];
        var notices = new List<DueNotice>();
        foreach (var gone in previous?.Subjects.Except(plan.Subjects) ?? [])
        {
            notices.Add(DueNotice.Withdraw(tenantId, AfterSalesEventTypes.InspectionDue, InspectionSubjectOf(plan.Code, gone)));
        }

        foreach (var subject in plan.Subjects)
        {
            notices.Add(ForInspection(tenantId, plan, subject, list, zone, now));
        }

        return notices;
    }

    /// <summary>
    /// A subject's inspection notice under a recurring plan (R-IN-1): <see cref="AfterSalesEventTypes.InspectionDue"/> at
    /// the start of the due day (the window's last, in <paramref name="zone"/>) of the first window due after
    /// <paramref name="after"/> that no complete, signed record of the subject and checklist falls within. Signing a
    /// record for the window moves it to the next; after it fires, the deadline watcher asks again with the instant it
    /// fired at, which schedules the next window. Withdrawn for a pre-expiry plan (its window follows the warranty, whose
    /// notice is <see cref="AfterSalesEventTypes.WarrantyExpiring"/>) or a subject the plan does not cover.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="subject">The device or site.</param>
    /// <param name="records">Inspection records; those of other subjects or checklists are ignored.</param>
    /// <param name="zone">The zone whose days the windows are (the due list's).</param>
    /// <param name="after">Only a window due later than this instant is scheduled: the save's instant, or the one just fired.</param>
    public static DueNotice ForInspection(string tenantId, InspectionPlan plan, InspectionSubject subject, IEnumerable<InspectionRecord> records, DateTimeZone zone, Instant after)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(plan);
        Guard.NotNull(subject);
        Guard.NotNull(zone);
        var key = InspectionSubjectOf(plan.Code, subject);
        if (plan.Recurrence is not { } recurrence || !plan.Subjects.Contains(subject))
        {
            return DueNotice.Withdraw(tenantId, AfterSalesEventTypes.InspectionDue, key);
        }

        var done = Guard.NotNull(records)
            .Where(r => r.CountsAsDone && r.Subject.Equals(subject) && string.Equals(r.Checklist.DeviceType, plan.Checklist.DeviceType, StringComparison.Ordinal))
            .Select(static r => r.InspectedOn)
            .ToList();

        // Ends only at a window without a record: the records are finite.
        for (var k = 0; ; k++)
        {
            var start = plan.StartsOn.PlusMonths(k * recurrence.Months);
            var dueOn = plan.StartsOn.PlusMonths((k + 1) * recurrence.Months).PlusDays(-1);
            var dueAt = dueOn.AtStartOfDayInZone(zone).ToInstant();
            if (dueAt <= after || done.Exists(d => d >= start && d <= dueOn))
            {
                continue;
            }

            return DueNotice.Schedule(new DomainEvent(
                EventIds.For("inspection-due", tenantId, plan.Code, subject.Kind.ToString(), subject.Id, start.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), dueOn.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)),
                AfterSalesEventTypes.InspectionDue,
                tenantId,
                key,
                dueAt,
                new InspectionWindowDue(plan.Code, plan.Checklist.DeviceType, subject, start, dueOn)));
        }
    }

    /// <summary>
    /// A complaint's escalation notice (R-CP-5): <see cref="AfterSalesEventTypes.ComplaintEscalated"/> when the complaint
    /// next rises on <paramref name="path"/> after <paramref name="after"/> — its level, computed from its clocks under
    /// <paramref name="policy"/> as reads compute it, only rises with time while the facts stay. The notice's instant is
    /// the due instant of the clock whose breach raised it (the level holds from just after it, as the breach does), or the
    /// instant an overdue clock's business time reached the next step; the watcher emits a notice once its instant has
    /// passed. One event per complaint and level: a save
    /// that changes the clocks moves the notice; closing the complaint, or reaching the top, withdraws it. After it fires
    /// the deadline watcher asks again with the instant it fired at, which schedules the level after it.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="complaint">The complaint as stored.</param>
    /// <param name="policy">Its clocks' policy, e.g. <see cref="ComplaintPolicies.Desk003"/>.</param>
    /// <param name="path">Its escalation path, e.g. <see cref="EscalationPath.Seed003"/>.</param>
    /// <param name="after">Only a level reached later than this instant is scheduled: the save's instant, or the one just fired.</param>
    public static DueNotice ForComplaint(string tenantId, Complaint complaint, SlaPolicy policy, EscalationPath path, Instant after)
    {
        Guard.NotBlank(tenantId);
        Guard.NotNull(complaint);
        Guard.NotNull(policy);
        Guard.NotNull(path);
        var subject = "complaints/" + complaint.Id;
        int Rank(Instant at) => complaint.Escalation(policy, path, at).Level.Rank;

        // Complaint clocks run for days (working days at most), so a level not reached within a year never is.
        var from = after + Duration.Epsilon;
        var current = Rank(from);
        var horizon = from + Duration.FromDays(366);
        if (complaint.Status != ComplaintStatus.Open || current == path.Levels.Count - 1 || Rank(horizon) <= current)
        {
            return DueNotice.Withdraw(tenantId, AfterSalesEventTypes.ComplaintEscalated, subject);
        }

        // The first instant at a higher level, by bisection on the evaluator itself (the level only rises with time), so
        // the instant is the one reads would show whatever the calendar and targets, to the nanosecond.
        long low = 0, high = (horizon - from).ToInt64Nanoseconds();
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (Rank(from + Duration.FromNanoseconds(middle)) > current)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        // The level holds from the nanosecond after `last`. Its instant is a clock's due instant when a breach raised it (a clock
        // is breached only strictly after its due instant, as the breach event's own instant is), else the first instant at it.
        var last = from + Duration.FromNanoseconds(low);
        var reached = complaint.Clocks(policy, last).Any(c => c.DueAt == last) ? last : last + Duration.Epsilon;
        var level = complaint.Escalation(policy, path, last + Duration.Epsilon).Level;
        return DueNotice.Schedule(new DomainEvent(
            EventIds.For("complaint", tenantId, complaint.Id, "escalated", path.Code, level.Code),
            AfterSalesEventTypes.ComplaintEscalated,
            tenantId,
            subject,
            reached,
            new ComplaintChanged(complaint, 0, level)));
    }

    /// <summary>
    /// The subject of a plan's inspection notice and event: <c>inspection-plans/{code}/devices/{serialNumber}</c> or
    /// <c>inspection-plans/{code}/sites/{name}</c>, each part URI-escaped.
    /// </summary>
    /// <param name="planCode">The plan's code.</param>
    /// <param name="subject">The device or site.</param>
    public static string InspectionSubjectOf(string planCode, InspectionSubject subject)
    {
        Guard.NotBlank(planCode);
        Guard.NotNull(subject);
        var kind = subject.Kind == InspectionSubjectKind.Device ? "devices" : "sites";
        return $"inspection-plans/{Uri.EscapeDataString(planCode)}/{kind}/{Uri.EscapeDataString(subject.Id)}";
    }
}
