using AfterSales.Calendars;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>
/// The recompute after a calendar year is loaded, on both providers: every open ticket adopts the
/// new version exactly once, page by page, and a walk interrupted after a page resumes where it stopped.
/// </summary>
public sealed class CalendarAdoptionRunnerTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly SlaPolicy Policy = SlaPresets.SystemIntegration002On(ChinaCalendars.Statutory9To18, "cn-002-5x8");

    private static readonly HolidayYear Year2027 = HolidayYear.Create(2027, [CalendarDay.Holiday(new LocalDate(2027, 1, 1), "元旦")], [], "test data");

    [Fact]
    public Task RunPendingAsync_InterruptedAfterAPage_ResumesAndAdoptsEachOpenTicketOnce_Sqlite() => Recompute(Provider.Sqlite);

    [PostgresFact]
    public Task RunPendingAsync_InterruptedAfterAPage_ResumesAndAdoptsEachOpenTicketOnce_PostgreSql() => Recompute(Provider.PostgreSql);

    private async Task Recompute(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var tenant = "t-" + Guid.NewGuid().ToString("N")[..8];
        var clock = new FakeClock(Instant.FromUtc(2026, 12, 28, 1, 0));
        var calendars = new EfCoreCalendarCatalog<HostDbContext>(db.HostFactory(), CalendarPresets.All, clock);
        var terms = new SlaTermsResolver(new InMemorySlaPolicyCatalog([Policy]), calendars);
        var store = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), terms, clock);
        for (var i = 0; i < 45; i++)
        {
            var ticket = Ticket.Report(Report(tenant, i), await terms.ForReportAsync(tenant, Policy), clock);
            if (i % 9 == 0)
            {
                ticket.Cancel("duplicate");
            }

            await store.SaveAsync(ticket, 0);
        }

        Assert.All(await store.ListOpenAsync(tenant, null, 100), t => Assert.Equal(["cn-statutory-9-18@1"], t.CalendarKeys));
        clock.AdvanceDays(7);
        await calendars.SaveAsync(tenant, CalendarPresets.ChinaStatutory9To18.WithYear(Year2027), 1);

        // The first walk stops after its first page of 7 (as a crash would); the next resumes.
        using var stop = new CancellationTokenSource();
        var interrupted = new CalendarAdoptionRunner(new StopAfterFirstBatch(store, stop), calendars, calendars, clock, batchSize: 7);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => interrupted.RunPendingAsync(stop.Token));
        var progress = Assert.Single(await calendars.ListUnfinishedAsync(), p => p.TenantId == tenant);
        Assert.Equal(7, progress.Adopted);

        var resumed = await new CalendarAdoptionRunner(store, calendars, calendars, clock, batchSize: 7).RunPendingAsync();
        var again = await new CalendarAdoptionRunner(store, calendars, calendars, clock, batchSize: 7).RunPendingAsync();

        Assert.Equal(40 - 7, resumed);
        Assert.Equal(0, again);
        Assert.Equal(40, (await calendars.FindProgressAsync(tenant, "cn-statutory-9-18", 2))!.Adopted);
        var open = await store.ListOpenAsync(tenant, null, 100);
        Assert.Equal(40, open.Count);
        Assert.All(open, t =>
        {
            Assert.Single(t.Events, e => e.Kind == TicketEventKind.CalendarsAdopted);
            Assert.Equal(["cn-statutory-9-18@2"], t.CalendarKeys);
            Assert.DoesNotContain(t.Clocks(clock.GetCurrentInstant()), c => c.IsProvisional);
        });
        var cancelled = await store.LoadAsync(tenant, TicketId.From("WO-00"));
        Assert.DoesNotContain(cancelled!.Events, e => e.Kind == TicketEventKind.CalendarsAdopted);
    }

    private static TicketReport Report(string tenant, int i) => new()
    {
        Id = TicketId.From($"WO-{i:00}"),
        TenantId = tenant,
        Reporter = new TicketReporter { Name = "李工", Organization = "Bank", Contact = "138" },
        Channel = ReportChannel.Email,
        Site = new TicketSite { Location = ServiceSite.Local, Name = "HQ", Address = "1 Road" },
        DeviceSerialNumber = "SN-1",
        Symptom = "down",
        SeverityCode = "C",
    };

    /// <summary>A store that cancels the walk once its first batch is saved, as a crash between pages would stop it.</summary>
    private sealed class StopAfterFirstBatch(ITicketStore inner, CancellationTokenSource stop) : ITicketStore
    {
        public Task<Ticket?> LoadAsync(string tenantId, TicketId id, CancellationToken cancellationToken = default) => inner.LoadAsync(tenantId, id, cancellationToken);

        public Task SaveAsync(Ticket ticket, int expectedVersion, CancellationToken cancellationToken = default) => inner.SaveAsync(ticket, expectedVersion, cancellationToken);

        public Task<IReadOnlyList<TicketSummary>> ListDueBeforeAsync(string tenantId, Instant before, CancellationToken cancellationToken = default) => inner.ListDueBeforeAsync(tenantId, before, cancellationToken);

        public Task<IReadOnlyList<TicketSummary>> ListAsync(string tenantId, TicketQuery query, CancellationToken cancellationToken = default) => inner.ListAsync(tenantId, query, cancellationToken);

        public Task<IReadOnlyList<Ticket>> ListOpenAsync(string tenantId, string? afterId, int limit, CancellationToken cancellationToken = default) => inner.ListOpenAsync(tenantId, afterId, limit, cancellationToken);

        public async Task<IReadOnlyList<TicketId>> SaveAllAsync(IReadOnlyList<(Ticket Ticket, int ExpectedVersion)> batch, CancellationToken cancellationToken = default)
        {
            var conflicts = await inner.SaveAllAsync(batch, CancellationToken.None);
            await stop.CancelAsync();
            return conflicts;
        }
    }
}
