using AfterSales.Sla;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.Testing;

/// <summary>
/// Reports work-order <see cref="Ticket"/>s for tests with plausible defaults: one call for a
/// ticket, <c>With…</c> for what the test is about. The ticket reads time from a
/// NodaTime.Testing <see cref="FakeClock"/>, so the test moves time with <see cref="FakeClock.Advance"/> between commands.
/// </summary>
/// <example>
/// <code>
/// var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0);
/// var ticket = new TicketBuilder(SlaPresets.EnterpriseSystems003, clock).WithSeverity("1").Report();
/// clock.AdvanceMinutes(20);
/// ticket.Acknowledge();
/// </code>
/// </example>
/// <remarks>Not thread-safe; each <see cref="Report"/> makes a new, independent ticket.</remarks>
public sealed class TicketBuilder
{
    private static int sequence;
    private readonly SlaPolicy policy;
    private TicketReport report;

    /// <summary>A builder for tickets under <paramref name="policy"/> that read time from <paramref name="clock"/>.</summary>
    /// <param name="policy">The SLA policy; the default severity is its scale's least severe level.</param>
    /// <param name="clock">The clock; the report is stamped with its current instant.</param>
    public TicketBuilder(SlaPolicy policy, FakeClock clock)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(clock);
        this.policy = policy;
        Clock = clock;
        report = new TicketReport
        {
            Id = TicketId.From("T-" + Interlocked.Increment(ref sequence).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            TenantId = "tenant-1",
            Reporter = new TicketReporter { Name = "Test Reporter", Organization = "Test Customer", Contact = "000-0000" },
            Channel = ReportChannel.Phone,
            Site = new TicketSite { Location = ServiceSite.Local, Name = "Main site", Address = "1 Test Road" },
            DeviceSerialNumber = "SN-TEST-0001",
            Symptom = "does not start",
            SeverityCode = policy.SeverityScale.Levels[^1].Code,
        };
    }

    /// <summary>The clock the tickets read.</summary>
    public FakeClock Clock { get; }

    /// <summary>The report that <see cref="Report"/> will file.</summary>
    public TicketReport Draft => report;

    /// <summary>Sets the ticket id.</summary>
    /// <returns>This builder.</returns>
    public TicketBuilder WithId(string id)
    {
        report = report with { Id = TicketId.From(id) };
        return this;
    }

    /// <summary>Sets the tenant; the default value is <c>tenant-1</c>.</summary>
    /// <returns>This builder.</returns>
    public TicketBuilder WithTenant(string tenantId)
    {
        report = report with { TenantId = tenantId };
        return this;
    }

    /// <summary>Sets the severity code (a level of the policy's scale).</summary>
    /// <returns>This builder.</returns>
    public TicketBuilder WithSeverity(string severityCode)
    {
        report = report with { SeverityCode = severityCode };
        return this;
    }

    /// <summary>Sets the report channel; the default value is <see cref="ReportChannel.Phone"/>.</summary>
    /// <returns>This builder.</returns>
    public TicketBuilder WithChannel(ReportChannel channel)
    {
        report = report with { Channel = channel };
        return this;
    }

    /// <summary>Sets where the device is; the default value is <see cref="ServiceSite.Local"/>.</summary>
    /// <returns>This builder.</returns>
    public TicketBuilder AtSite(ServiceSite location)
    {
        report = report with { Site = report.Site with { Location = location } };
        return this;
    }

    /// <summary>Records that the fault occurred <paramref name="before"/> the report.</summary>
    /// <returns>This builder.</returns>
    public TicketBuilder WithFaultOccurredBefore(Duration before)
    {
        report = report with { FaultOccurredAt = Clock.GetCurrentInstant() - before };
        return this;
    }

    /// <summary>Marks the work as paid (out of warranty), so parts need an accepted quote (R-WO-7).</summary>
    /// <returns>This builder.</returns>
    public TicketBuilder Billable()
    {
        report = report with { IsBillable = true };
        return this;
    }

    /// <summary>Changes anything else in the report.</summary>
    /// <returns>This builder.</returns>
    public TicketBuilder With(Func<TicketReport, TicketReport> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        report = change(report);
        return this;
    }

    /// <summary>Reports the ticket now (the clock's current instant).</summary>
    /// <returns>A new ticket in state <see cref="TicketState.Reported"/>.</returns>
    public Ticket Report() => Ticket.Report(report, policy, Clock);
}
