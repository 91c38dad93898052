using AfterSales.Calendars;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.People;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>
/// People (schema 0010, R-ORG-1/2) on both providers: engineers and duty rotas round-trip with optimistic
/// concurrency; a dispatch is indexed with its event, so an engineer's tickets are listed without reading
/// events; the script fills the index from the events stored before it.
/// </summary>
public sealed class PeopleStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private readonly string tenant = "t-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public Task Engineers_RoundTrip_StaleSaveConflicts_ListByCentrePaged_Sqlite() => Engineers(Provider.Sqlite);

    [PostgresFact]
    public Task Engineers_RoundTrip_StaleSaveConflicts_ListByCentrePaged_PostgreSql() => Engineers(Provider.PostgreSql);

    [Fact]
    public Task Rota_RoundTripsShiftsAndZone_StaleSaveConflicts_Sqlite() => Rota(Provider.Sqlite);

    [PostgresFact]
    public Task Rota_RoundTripsShiftsAndZone_StaleSaveConflicts_PostgreSql() => Rota(Provider.PostgreSql);

    [Fact]
    public Task Dispatch_OnDutyCheckedFromTheStore_IndexedWithTheEvent_ListedByEngineer_R_ORG_1_Sqlite() => Dispatches(Provider.Sqlite);

    [PostgresFact]
    public Task Dispatch_OnDutyCheckedFromTheStore_IndexedWithTheEvent_ListedByEngineer_R_ORG_1_PostgreSql() => Dispatches(Provider.PostgreSql);

    [Fact]
    public Task Migrate_FillsTheDispatchIndexFromEarlierEvents_Sqlite() => Backfill(Provider.Sqlite);

    [PostgresFact]
    public Task Migrate_FillsTheDispatchIndexFromEarlierEvents_PostgreSql() => Backfill(Provider.PostgreSql);

    private async Task Engineers(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var store = new EfCoreEngineerStore<HostDbContext>(db.HostFactory());
        Assert.False(await store.HasEngineersAsync(tenant));
        var li = Engineer.Create("E-2", "李雷", "SH-01", "13800000001", ["cctv", "kiosk"]);
        Assert.Equal(1, await store.SaveEngineerAsync(tenant, li, 0));
        await store.SaveEngineerAsync(tenant, Engineer.Create("E-1", "韩梅梅", "SH-01", "13800000002"), 0);
        await store.SaveEngineerAsync(tenant, Engineer.Create("E-3", "王工", "BJ-01", "13800000003"), 0);
        await store.SaveEngineerAsync("other-" + tenant, Engineer.Create("E-4", "x", "SH-01", "c"), 0);

        Assert.Equal(new Versioned<Engineer>(li, 1), await store.GetEngineerAsync(tenant, "E-2"));
        Assert.Null(await store.GetEngineerAsync(tenant, "E-4"));
        Assert.True(await store.HasEngineersAsync(tenant));

        // Stale: a second creator, and an update from version 0.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveEngineerAsync(tenant, li, 0));
        Assert.Equal(2, await store.SaveEngineerAsync(tenant, li.With(centreId: "BJ-01"), 1));
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveEngineerAsync(tenant, li, 1));
        Assert.Equal((1, 2), (stale.ExpectedVersion, stale.ActualVersion));

        Assert.Equal(["E-2", "E-3"], (await store.ListEngineersAsync(tenant, "BJ-01", 0, 10)).Select(static e => e.Value.Id));
        Assert.Equal(["E-1"], (await store.ListEngineersAsync(tenant, "SH-01", 0, 10)).Select(static e => e.Value.Id));
        Assert.Equal(["E-2"], (await store.ListEngineersAsync(tenant, null, 1, 1)).Select(static e => e.Value.Id));
        Assert.Equal(["cctv", "kiosk"], (await store.GetEngineerAsync(tenant, "E-2"))!.Value.Skills);
    }

    private async Task Rota(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var store = new EfCoreEngineerStore<HostDbContext>(db.HostFactory());
        var kathmandu = DateTimeZoneProviders.Tzdb["Asia/Kathmandu"];
        var rota = DutyRota.Create("SH-01", kathmandu,
        [
            new DutyShift { EngineerId = "E-1", Start = new LocalDateTime(2026, 3, 2, 9, 0), End = new LocalDateTime(2026, 3, 2, 17, 30, 15) },
            new DutyShift { EngineerId = "E-2", Start = new LocalDateTime(2026, 3, 2, 22, 0), End = new LocalDateTime(2026, 3, 3, 6, 0) },
        ]);

        Assert.Equal(1, await store.SaveRotaAsync(tenant, rota, 0));
        var loaded = (await store.GetRotaAsync(tenant, "SH-01"))!;
        Assert.Equal((1, "Asia/Kathmandu"), (loaded.Version, loaded.Value.Zone.Id));
        Assert.Equal(rota.Shifts, loaded.Value.Shifts);
        Assert.Null(await store.GetRotaAsync(tenant, "BJ-01"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveRotaAsync(tenant, rota, 0));
        Assert.Equal(2, await store.SaveRotaAsync(tenant, DutyRota.Create("SH-01", ChinaCalendars.BeijingTime, []), 1));
        Assert.Empty((await store.GetRotaAsync(tenant, "SH-01"))!.Value.Shifts);
    }

    private async Task Dispatches(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        var clock = FakeClock.FromUtc(2026, 3, 2, 1, 0, 0); // 09:00 Beijing
        var catalog = new InMemorySlaPolicyCatalog(SlaPresets.All);
        var tickets = new EfCoreTicketStore<HostDbContext>(db.HostFactory(), catalog, clock);
        var people = new EfCoreEngineerStore<HostDbContext>(db.HostFactory());
        var service = new TicketService(tickets, catalog, clock, new TicketServiceOptions { Engineers = people });
        await people.SaveEngineerAsync(tenant, Engineer.Create("E-1", "李雷", "SH-01", "138"), 0);
        await people.SaveEngineerAsync(tenant, Engineer.Create("E-2", "韩梅梅", "SH-01", "139"), 0);
        await people.SaveRotaAsync(tenant, DutyRota.Create("SH-01", ChinaCalendars.BeijingTime,
            [new DutyShift { EngineerId = "E-1", Start = new LocalDateTime(2026, 3, 2, 9, 0), End = new LocalDateTime(2026, 3, 2, 17, 0) }]), 0);

        async Task<TicketId> Ready(string id)
        {
            var t = await service.ReportAsync(Report(id), SlaPresets.SystemIntegration002.Id);
            await service.AcknowledgeAsync(tenant, t.Id);
            clock.AdvanceMinutes(1);
            await service.StartRemoteDiagnosisAsync(tenant, t.Id);
            return t.Id;
        }

        var a = await Ready("WO-A");
        var b = await Ready("WO-B");
        await Ready("WO-C");
        await service.DispatchAsync(tenant, a, "E-1");
        await Assert.ThrowsAsync<EngineerNotOnDutyException>(() => service.DispatchAsync(tenant, b, "E-2"));
        await service.DispatchAsync(tenant, b, "E-2", "E-1 在 WO-A 现场");

        async Task<string[]> Of(string engineer) =>
            [.. (await service.ListAsync(tenant, new TicketQuery { Engineer = engineer })).Select(static s => s.Id.Value)];
        Assert.Equal(["WO-A"], await Of("E-1"));
        Assert.Equal(["WO-B"], await Of("E-2"));
        Assert.Empty(await Of("E-3"));
        Assert.Equal("E-1 在 WO-A 现场", (await service.GetAsync(tenant, b)).Events[^1].Reason);

        await using var context = db.NewHostContext();
        var index = await context.Set<Storage.EngineerDispatchRow>().AsNoTracking().Where(d => d.TenantId == tenant).OrderBy(static d => d.TicketId).ToListAsync();
        Assert.Equal([("E-1", "WO-A", 4), ("E-2", "WO-B", 4)], index.Select(static d => (d.EngineerId, d.TicketId, d.Version)));
    }

    /// <summary>A database at schema 0009 with a Dispatched event in it: 0010 indexes it, and skips a name too long to be an id.</summary>
    private static async Task Backfill(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        var options = new AfterSalesModelOptions { Schema = HostDbContext.Schema, TablePrefix = HostDbContext.Prefix };
        var schema = provider == Provider.PostgreSql ? $"\"{HostDbContext.Schema}\"." : "";
        await using (var old = db.NewHostContext())
        {
            if (provider == Provider.PostgreSql)
            {
                await old.Database.ExecuteSqlRawAsync(Trusted($"CREATE SCHEMA {schema.TrimEnd('.')}"));
            }

            var history = $"{schema}\"{HostDbContext.Prefix}schema_history\"";
            await old.Database.ExecuteSqlRawAsync(Trusted(
                $"CREATE TABLE {history} (version integer NOT NULL PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL DEFAULT CURRENT_TIMESTAMP)"));
            foreach (var (version, description, sql) in AfterSalesSchema.GetScripts(old.Database.ProviderName!, options).Where(static s => s.Version < 10))
            {
                await old.Database.ExecuteSqlRawAsync(sql);
                await old.Database.ExecuteSqlRawAsync(Trusted($"INSERT INTO {history} (version, description) VALUES ({{0}}, {{1}})"), version, description);
            }

            var t = $"{schema}\"{HostDbContext.Prefix}tickets\"";
            var e = $"{schema}\"{HostDbContext.Prefix}ticket_events\"";
            await old.Database.ExecuteSqlRawAsync(Trusted(
                $"INSERT INTO {t} (tenant_id, id, state, severity_code, policy_key, device_serial_number, reported_at, last_event_at, as_of, is_legacy_issue, version, is_provisional) "
                + "VALUES ('t1', 'WO-1', 'Dispatched', 'B', 'p@1', 'SN', 0, 0, 0, false, 4, false)"));
            await old.Database.ExecuteSqlRawAsync(Trusted(
                $"INSERT INTO {e} (tenant_id, ticket_id, version, kind, at, payload) VALUES ('t1', 'WO-1', 4, 'Dispatched', 42, '{{{{\"engineer\":\"李工\"}}}}'), "
                + $"('t1', 'WO-1', 5, 'Dispatched', 43, '{{{{\"engineer\":\"{new string('x', 101)}\"}}}}'), ('t1', 'WO-1', 3, 'Acknowledged', 41, NULL)"));
        }

        await using var context = db.NewHostContext();
        Assert.Equal(1, await AfterSalesSchema.MigrateAsync(context));
        var index = await context.Set<Storage.EngineerDispatchRow>().AsNoTracking().ToListAsync();
        Assert.Equal(("t1", "李工", "WO-1", 4, Instant.FromUnixTimeTicks(0) + Duration.FromNanoseconds(42)),
            Assert.Single(index) is var d ? (d.TenantId, d.EngineerId, d.TicketId, d.Version, d.DispatchedAt) : default);
    }

    private static string Trusted(string sql) => sql;

    private TicketReport Report(string id) => new()
    {
        Id = TicketId.From(id),
        TenantId = tenant,
        Reporter = new TicketReporter { Name = "张伟", Organization = "医院", Contact = "138" },
        Channel = ReportChannel.Phone,
        Site = new TicketSite { Location = ServiceSite.Local, Name = "门诊楼", Address = "某路 1 号" },
        DeviceSerialNumber = "SN-" + id,
        Symptom = "无法打印",
        SeverityCode = "B",
    };
}
