using AfterSales.Entitlements.Warranty;
using AfterSales.Sla;
using AfterSales.WorkOrders;

namespace AfterSales.Host.Demo;

/// <summary>
/// Seeds the demo tenant once (when it has no work orders): three registered devices and a work order
/// in every state of the workflow, reported over the last two hours so some clocks have already warned
/// or breached under the demo policy. Events are stamped by a clock of their own that steps forward,
/// never later than now, and each work order is saved once with its whole history.
/// </summary>
internal static class DemoSeed
{
    public const string Tenant = "demo";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var store = services.GetRequiredService<ITicketStore>();
        if ((await store.ListAsync(Tenant, new TicketQuery { Limit = 1 }, cancellationToken)).Count > 0)
        {
            return;
        }

        var now = services.GetRequiredService<IClock>().GetCurrentInstant();
        var registry = services.GetRequiredService<IDeviceRegistry>();
        var today = now.InZone(Calendars.ChinaCalendars.BeijingTime).Date;
        foreach (var (serial, component) in new[] { ("SN-KIOSK-001", ComponentClass.Hardware), ("SN-ARRAY-002", ComponentClass.Hardware), ("SN-SUITE-003", ComponentClass.Software) })
        {
            await registry.SaveAsync(Tenant, DeviceRecord.Create(serial, component, today.PlusMonths(-11), today.PlusMonths(-11), null), 0, cancellationToken);
        }

        var clock = new SteppingClock(now - Duration.FromHours(2));
        Action<Ticket>[] toRestored = [t => t.Acknowledge(), t => t.StartRemoteDiagnosis(), t => t.Dispatch("王工 (Wang)"), t => t.ArriveOnSite(), t => t.RestoreService()];
        var states = new (string Id, string Severity, Action<Ticket>?[] Steps)[]
        {
            ("DEMO-01-REPORTED", "A", []),
            ("DEMO-02-ACKNOWLEDGED", "B", [t => t.Acknowledge()]),
            ("DEMO-03-REMOTE", "A", [t => t.Acknowledge(), t => t.StartRemoteDiagnosis()]),
            ("DEMO-04-DISPATCHED", "A", [t => t.Acknowledge(), t => t.StartRemoteDiagnosis(), t => t.Dispatch("李工 (Li)")]),
            ("DEMO-05-ONSITE", "B", [t => t.Acknowledge(), t => t.StartRemoteDiagnosis(), t => t.Dispatch("李工 (Li)"), t => t.ArriveOnSite()]),
            ("DEMO-06-VENDOR", "A", [t => t.Acknowledge(), t => t.StartRemoteDiagnosis(), t => t.EscalateToVendor("controller firmware fault")]),
            ("DEMO-07-WAITING", "C", [t => t.Acknowledge(), t => t.WaitForCustomer("customer to power-cycle the device")]),
            ("DEMO-08-RESTORED", "A", toRestored),
            ("DEMO-09-RESOLVED", "B", [.. toRestored, t => t.Resolve("replaced the power supply")]),
            ("DEMO-10-OBSERVATION", "A", [.. toRestored, t => t.Resolve("replaced the controller"), t => t.StartObservation()]),
            ("DEMO-11-CLOSED", "B", [.. toRestored, t => t.Resolve("reseated the cables"), t => t.StartObservation(), t => t.SignOff("张经理 (Zhang)", 5, "快速专业"), null, t => t.Close()]),
            ("DEMO-12-CANCELLED", "D", [t => t.Cancel("duplicate of DEMO-01")]),
        };

        var serials = new[] { "SN-KIOSK-001", "SN-ARRAY-002", "SN-SUITE-003" };
        for (var i = 0; i < states.Length; i++)
        {
            var (id, severity, steps) = states[i];
            clock.Now = now - Duration.FromMinutes(110 - (i * 5));
            var ticket = Ticket.Report(new TicketReport
            {
                Id = TicketId.From(id),
                TenantId = Tenant,
                Reporter = new TicketReporter { Name = "陈女士 (Ms Chen)", Organization = "市第一医院 (City Hospital No. 1)", Contact = "138 0000 0000" },
                Channel = ReportChannel.Phone,
                Site = new TicketSite { Location = new ServiceSite(SiteLocality.Local), Name = "门诊楼 (outpatient building)", Address = "1 Renmin Road" },
                DeviceSerialNumber = serials[i % serials.Length],
                Symptom = "自助机无法打印 (the kiosk does not print)",
                SeverityCode = severity,
            }, DemoPolicy.Policy, clock);
            foreach (var step in steps)
            {
                // A null step lets the observation period pass.
                clock.Now += step is null ? DemoPolicy.Policy.ObservationPeriod : Duration.FromMinutes(3);
                step?.Invoke(ticket);
            }

            // The whole history in one save: a loaded ticket would stamp its events with the service's clock.
            await store.SaveAsync(ticket, 0, cancellationToken);
        }
    }

    private sealed class SteppingClock(Instant start) : IClock
    {
        public Instant Now { get; set; } = start;

        public Instant GetCurrentInstant() => Now;
    }
}
