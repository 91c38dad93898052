using AfterSales.EntityFrameworkCore;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Quality;
using AfterSales.Quality.Inspections;
using AfterSales.Quality.Reporting;
using AfterSales.Quality.Terms;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace AfterSales.Benchmarks.Quality;

/// <summary>
/// A database holding one tenant's quarter (2026 Q1) of work orders for the quarterly report
/// benchmarks: <c>count</c> work orders over 500 devices, reported evenly through the quarter on
/// seed 002's policy, each driven through its life (response, dispatch, arrival, restoration,
/// resolution, sign-off; one in ten still open, one in twenty re-opened in observation), with a survey
/// on a third, a callback on half and a shipment on a fifth. Rows are written in batches straight
/// through the model (the way the store writes them), not one save per order, so a 100 000-order
/// quarter seeds in minutes.
/// </summary>
internal sealed class QualityReportData : IAsyncDisposable
{
    public const string Tenant = "bench";
    private static readonly SlaPolicy Policy = SlaPresets.SystemIntegration002;
    private static readonly InMemorySlaPolicyCatalog Catalog = new(SlaPresets.All);

    private readonly string? sqliteFile;
    private readonly string? admin;
    private readonly string? database;

    private QualityReportData(DbContextOptions<AfterSalesDbContext> options, string? sqliteFile, string? admin, string? database)
    {
        Options = options;
        this.sqliteFile = sqliteFile;
        this.admin = admin;
        this.database = database;
    }

    public DbContextOptions<AfterSalesDbContext> Options { get; }

    /// <summary>The instant the report is taken at: after the quarter's end.</summary>
    public static Instant AsOf { get; } = Instant.FromUtc(2026, 4, 1, 0, 0);

    public static async Task<QualityReportData> CreateAsync(string provider, int count)
    {
        QualityReportData data;
        if (provider == "Sqlite")
        {
            var file = Path.Combine(Path.GetTempPath(), $"aftersales-report-bench-{Guid.NewGuid():N}.db");
            var cs = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 120 }.ToString();
            await using (var c = new SqliteConnection(cs))
            {
                await c.OpenAsync();
                await using var cmd = c.CreateCommand();
                cmd.CommandText = "PRAGMA journal_mode=WAL;";
                await cmd.ExecuteNonQueryAsync();
            }

            data = new QualityReportData(new DbContextOptionsBuilder<AfterSalesDbContext>().UseSqlite(cs).Options, file, null, null);
        }
        else
        {
            var configured = Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES")
                ?? throw new InvalidOperationException("AFTERSALES_TEST_POSTGRES must name a PostgreSQL server for the PostgreSql runs.");
            var name = $"aftersales_report_{Guid.NewGuid():N}"[..30];
            var admin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false }.ToString();
            await using (var c = new NpgsqlConnection(admin))
            {
                await c.OpenAsync();
                await using var cmd = c.CreateCommand();
                cmd.CommandText = $"CREATE DATABASE {name}";
                await cmd.ExecuteNonQueryAsync();
            }

            var cs = new NpgsqlConnectionStringBuilder(configured) { Database = name, CommandTimeout = 600 }.ToString();
            data = new QualityReportData(new DbContextOptionsBuilder<AfterSalesDbContext>().UseNpgsql(cs).Options, null, admin, name);
        }

        await using (var context = data.NewContext())
        {
            await AfterSalesSchema.MigrateAsync(context);
        }

        await data.SeedAsync(count);
        return data;
    }

    public AfterSalesDbContext NewContext() => new(Options);

    /// <summary>The snapshot source over this database.</summary>
    public IQualitySnapshotSource Snapshots() => new EfCoreQualitySnapshotSource<AfterSalesDbContext>(new Factory(Options), Catalog, SystemClock.Instance);

    /// <summary>The quality service over this database, as <c>UseEntityFrameworkCore</c> wires it.</summary>
    public QualityService Service()
    {
        var factory = new Factory(Options);
        return new QualityService(
            Snapshots(),
            new InMemoryQualityTermsCatalog(),
            new InMemoryInspectionStore(),
            new EfCoreDeviceRegistry<AfterSalesDbContext>(factory),
            SystemClock.Instance);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(sqliteFile + suffix);
            }
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(admin);
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = $"DROP DATABASE IF EXISTS {database} WITH (FORCE)";
            await cmd.ExecuteNonQueryAsync();
        }
    }

    private async Task SeedAsync(int count)
    {
        var start = Instant.FromUtc(2025, 12, 31, 16, 0); // 2026-01-01 00:00 Beijing
        var spacing = Duration.FromDays(90) / Math.Max(1, count);
        var random = new Random(15);
        const int Batch = 2_000;
        for (var from = 0; from < count; from += Batch)
        {
            await using var context = NewContext();
            context.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = from; i < Math.Min(count, from + Batch); i++)
            {
                var clock = new FakeClock(start + (spacing * i));
                var ticket = Life(i, clock, random);
                var summary = TicketSummary.Of(ticket, AsOf);
                context.Add(new TicketRow
                {
                    TenantId = Tenant,
                    Id = ticket.Id.Value,
                    State = summary.State,
                    SeverityCode = summary.SeverityCode,
                    PolicyKey = summary.PolicyKey,
                    DeviceSerialNumber = summary.DeviceSerialNumber,
                    ReportedAt = summary.ReportedAt,
                    LastEventAt = summary.LastEventAt,
                    AsOf = summary.AsOf,
                    NextDeadline = summary.NextDeadline,
                    IsLegacyIssue = summary.IsLegacyIssue,
                    Version = ticket.Version,
                });
                foreach (var e in ticket.Events)
                {
                    // The adapter's own row mapping (internal, visible to the benchmarks); EF1001 flags any *.Internal namespace.
#pragma warning disable EF1001
                    context.Add(EventMapper.ToRow(Tenant, e));
#pragma warning restore EF1001
                }

                var day = ticket.ReportedAt.InZone(AfterSales.Calendars.ChinaCalendars.BeijingTime).Date;
                if (i % 3 == 0 && ticket.CustomerSignOff is not null)
                {
                    context.Add(new QualitySurveyRow { TenantId = Tenant, WorkOrderId = ticket.Id.Value, AnsweredOn = day.PlusDays(1), Skill = 3 + (i % 3), Attitude = 4, Timeliness = i % 2 == 0 ? 5 : null, Suggestions = i % 30 == 0 ? "请提前电话联系" : "" });
                }

                if (i % 2 == 0 && ticket.CustomerSignOff is not null)
                {
                    context.Add(new QualityCallbackRow { TenantId = Tenant, Id = "CB-" + ticket.Id.Value, WorkOrderId = ticket.Id.Value, CalledAt = ticket.LastEventAt + Duration.FromHours(20), CalledBy = "客服", Reached = i % 50 != 0, Note = "" });
                }

                if (i % 5 == 0)
                {
                    context.Add(new QualityShipmentRow { TenantId = Tenant, Id = "S-" + ticket.Id.Value, WorkOrderId = ticket.Id.Value, ShippedOn = day, OrderedPartNumber = "PN-" + (i % 40), OrderedQuantity = 1, ShippedPartNumber = i % 97 == 0 ? "PN-X" : "PN-" + (i % 40), ShippedQuantity = 1 });
                }
            }

            await context.SaveChangesAsync();
        }

        await using var devices = NewContext();
        for (var d = 0; d < 500; d++)
        {
            devices.Add(new DeviceRow { TenantId = Tenant, SerialNumber = $"SN-{d:D4}", ComponentCode = "hardware", ComponentNameZh = "硬件", ComponentNameEn = "hardware", AcceptedOn = new LocalDate(2025, 1, 1), History = "[]", Version = 1 });
        }

        await devices.SaveChangesAsync();
    }

    private static Ticket Life(int i, FakeClock clock, Random random)
    {
        var ticket = Ticket.Report(
            new TicketReport
            {
                Id = TicketId.From($"WO-{i:D7}"),
                TenantId = Tenant,
                Reporter = new TicketReporter { Name = "张伟", Organization = "某医院", Contact = "138" },
                Channel = ReportChannel.Phone,
                Site = new TicketSite { Location = ServiceSite.Local, Name = "门诊楼", Address = "某路1号" },
                DeviceSerialNumber = $"SN-{i % 500:D4}",
                Symptom = "无法打印",
                SeverityCode = (i % 10) switch { 0 => "A", < 4 => "B", _ => "C" },
            },
            Policy,
            clock);
        void Step(int minutes, Action<Ticket> command)
        {
            clock.AdvanceMinutes(minutes);
            command(ticket);
        }

        Step(random.Next(3, 40), static t => t.Acknowledge());
        if (i % 10 == 9)
        {
            return ticket; // still open
        }

        Step(5, static t => t.StartRemoteDiagnosis());
        Step(random.Next(10, 60), static t => t.Dispatch("E-" + (t.Id.Value.GetHashCode() & 31)));
        Step(random.Next(30, 300), static t => t.ArriveOnSite());
        Step(random.Next(30, 300), static t => t.RestoreService());
        Step(random.Next(30, 600), static t => t.Resolve("更换电源"));
        Step(30, static t => t.StartObservation());
        if (i % 20 == 7)
        {
            Step(600, static t => t.Reopen("故障复发"));
            Step(120, static t => t.RestoreService());
            Step(120, static t => t.Resolve("更换主板"));
            Step(30, static t => t.StartObservation());
        }

        Step(60, t => t.SignOff("王经理", 3 + (i % 3), i % 40 == 0 ? "响应快" : null));
        clock.Advance(Policy.ObservationPeriod);
        Step(1, static t => t.Close());
        return ticket;
    }

    private sealed class Factory(DbContextOptions<AfterSalesDbContext> options) : IDbContextFactory<AfterSalesDbContext>
    {
        public AfterSalesDbContext CreateDbContext() => new(options);
    }
}
