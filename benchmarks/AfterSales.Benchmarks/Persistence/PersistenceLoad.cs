using System.Diagnostics;
using System.Globalization;
using AfterSales.EntityFrameworkCore;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using Npgsql;

namespace AfterSales.Benchmarks.Persistence;

/// <summary>
/// A bounded load program for the EF Core store (each phase runs for a fixed time or count; the whole
/// run takes about two minutes): tickets created per second and command round trips per second on
/// SQLite (WAL) and PostgreSQL, the due-work query on 1 000 000 tickets on PostgreSQL, and memory per
/// 10 000 loaded tickets. PostgreSQL comes from AFTERSALES_TEST_POSTGRES; its phases are skipped without it.
/// </summary>
internal static class PersistenceLoad
{
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(8);
    private static readonly SlaPolicy Policy = SlaPresets.SystemIntegration002;

    public static async Task RunAsync(string[] args)
    {
        _ = args;
        Console.WriteLine($"# Persistence load, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        var file = Path.Combine(Path.GetTempPath(), $"aftersales-bench-{Guid.NewGuid():N}.db");
        var sqlite = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 60 }.ToString();
        await using (var c = new SqliteConnection(sqlite))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=WAL;";
            await cmd.ExecuteNonQueryAsync();
        }

        try
        {
            var options = new DbContextOptionsBuilder<AfterSalesDbContext>().UseSqlite(sqlite).Options;
            await StoreAsync("SQLite (WAL, file)", options, writers: [1, 4]);
            await MemoryAsync(options);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }

        var configured = Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(configured))
        {
            Console.WriteLine("AFTERSALES_TEST_POSTGRES is not set: PostgreSQL phases skipped.");
            return;
        }

        var name = $"aftersales_bench_{Guid.NewGuid():N}"[..30];
        var admin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false }.ToString();
        await ExecAsync(admin, $"CREATE DATABASE {name}");
        try
        {
            var pg = new NpgsqlConnectionStringBuilder(configured) { Database = name, MaxPoolSize = 64 }.ToString();
            var options = new DbContextOptionsBuilder<AfterSalesDbContext>().UseNpgsql(pg).Options;
            await StoreAsync("PostgreSQL (loopback)", options, writers: [1, 8]);
            await DueQueryAsync(options);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static async Task StoreAsync(string label, DbContextOptions<AfterSalesDbContext> options, int[] writers)
    {
        await using (var context = new AfterSalesDbContext(options))
        {
            await AfterSalesSchema.MigrateAsync(context);
        }

        var store = new EfCoreTicketStore<AfterSalesDbContext>(new Factory(options), new InMemorySlaPolicyCatalog(SlaPresets.All), SystemClock.Instance);
        foreach (var n in writers)
        {
            var ids = new System.Collections.Concurrent.ConcurrentBag<TicketId>();
            var created = await TimedAsync(n, async (w, i) =>
            {
                var ticket = NewTicket($"{label[..3]}-{n}-{w}-{i}");
                await store.SaveAsync(ticket, 0);
                ids.Add(ticket.Id);
            });
            Console.WriteLine($"| {label} | create ticket (report + save, 2 rows) | {n} | {created:N0} /s |");

            var list = ids.ToArray();
            var commands = await TimedAsync(n, async (w, i) =>
            {
                // Each writer owns its slice of tickets, so these are round trips, not conflicts.
                var id = list[w + (n * (i % (list.Length / n)))];
                var ticket = (await store.LoadAsync("bench", id))!;
                var expected = ticket.Version;
                if (ticket.State == TicketState.WaitingForCustomer)
                {
                    ticket.Resume();
                }
                else
                {
                    ticket.WaitForCustomer("waiting for logs");
                }

                await store.SaveAsync(ticket, expected);
            });
            Console.WriteLine($"| {label} | command round trip (load events + fire + save) | {n} | {commands:N0} /s |");
        }
    }

    private static async Task MemoryAsync(DbContextOptions<AfterSalesDbContext> options)
    {
        var store = new EfCoreTicketStore<AfterSalesDbContext>(new Factory(options), new InMemorySlaPolicyCatalog(SlaPresets.All), SystemClock.Instance);
        await using var context = new AfterSalesDbContext(options);
        var ids = await context.Set<TicketRow>().Select(static r => r.Id).Take(10_000).ToListAsync();
        var tickets = new List<Ticket>(ids.Count);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var retainedBefore = GC.GetTotalMemory(true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(true);
        var sw = Stopwatch.StartNew();
        foreach (var id in ids)
        {
            tickets.Add((await store.LoadAsync("bench", TicketId.From(id)))!);
        }

        sw.Stop();
        var allocated = GC.GetTotalAllocatedBytes(true) - allocatedBefore;
        var retained = GC.GetTotalMemory(true) - retainedBefore;
        var events = tickets.Sum(static t => t.Version);
        Console.WriteLine(
            $"| SQLite | load {tickets.Count:N0} tickets ({events:N0} events) one by one | retained {retained / 1024.0 / 1024.0:N1} MiB ({retained / Math.Max(1, tickets.Count):N0} B/ticket) | allocated {allocated / 1024.0 / 1024.0:N0} MiB ({allocated / Math.Max(1, tickets.Count):N0} B/ticket) | {sw.Elapsed.TotalSeconds:N1} s |");
        GC.KeepAlive(tickets);
    }

    private static async Task DueQueryAsync(DbContextOptions<AfterSalesDbContext> options)
    {
        const int Rows = 1_000_000;
        await using var context = new AfterSalesDbContext(options);
        var sw = Stopwatch.StartNew();

        // Deadlines spread over 1 000 days from 2026-01-01 (Unix ns), 100 tenants; 2 % are due at "now".
        var start = InstantToUnixNanosecondsConverter.ToUnixNanoseconds(Instant.FromUtc(2026, 1, 1, 0, 0));
        var step = Duration.FromDays(1000).ToInt64Nanoseconds() / Rows;
        await context.Database.ExecuteSqlRawAsync(
            "INSERT INTO aftersales_tickets (tenant_id, id, state, severity_code, policy_key, device_serial_number, reported_at, last_event_at, as_of, next_deadline, is_legacy_issue, version) "
            + "SELECT 'tenant-' || (g % 100), 'S-' || g, 'Acknowledged', 'B', 'cn-002-system-integration@1', 'SN', {0}, {0}, {0}, {0} + ((g * 7919) % {1}) * {2}, false, 2 FROM generate_series(1::bigint, {1}::bigint) g",
            start, Rows, step);
        await context.Database.ExecuteSqlRawAsync("ANALYZE aftersales_tickets");
        Console.WriteLine($"seeded {Rows:N0} ticket rows with generate_series in {sw.Elapsed.TotalSeconds:N1} s");

        var now = InstantToUnixNanosecondsConverter.FromUnixNanoseconds(start + (step * (Rows / 50)));
        Instant? horizon = now;
        var tenantQuery = await Measure(200, () => context.Set<TicketRow>().AsNoTracking()
            .Where(r => r.TenantId == "tenant-42" && r.NextDeadline != null && r.NextDeadline <= horizon)
            .OrderBy(static r => r.NextDeadline).Take(100).ToListAsync());
        var globalQuery = await Measure(200, () => context.Set<TicketRow>().AsNoTracking()
            .Where(r => r.NextDeadline != null && r.NextDeadline <= horizon)
            .OrderBy(static r => r.NextDeadline).Take(100).ToListAsync());
        var store = new EfCoreTicketStore<AfterSalesDbContext>(new Factory(options), new InMemorySlaPolicyCatalog(SlaPresets.All), SystemClock.Instance);
        var claim = await Measure(100, () => store.ClaimDueAsync(now, 100, "bench-node", Duration.FromMinutes(5)));
        Console.WriteLine($"| PostgreSQL, {Rows:N0} tickets | due tickets of one tenant, first 100 (index tenant, next_deadline) | {tenantQuery} |");
        Console.WriteLine($"| PostgreSQL, {Rows:N0} tickets | due tickets of all tenants, first 100 (index next_deadline) | {globalQuery} |");
        Console.WriteLine($"| PostgreSQL, {Rows:N0} tickets | ClaimDueAsync, batch 100 (SKIP LOCKED + lease update) | {claim} |");

        var plan = await context.Database.SqlQueryRaw<string>(
            "EXPLAIN SELECT tenant_id, id FROM aftersales_tickets WHERE tenant_id = 'tenant-42' AND next_deadline <= {0} ORDER BY next_deadline LIMIT 100",
            InstantToUnixNanosecondsConverter.ToUnixNanoseconds(now)).ToListAsync();
        Console.WriteLine("plan: " + string.Join(" / ", plan.Select(static p => p.Trim())));
    }

    private static async Task<string> Measure<T>(int iterations, Func<Task<T>> query)
    {
        for (var i = 0; i < 10; i++)
        {
            await query();
        }

        var times = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var sw = Stopwatch.StartNew();
            await query();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }

        Array.Sort(times);
        return string.Create(CultureInfo.InvariantCulture, $"p50 {times[iterations / 2]:N2} ms | p95 {times[iterations * 95 / 100]:N2} ms");
    }

    private static async Task<double> TimedAsync(int writers, Func<int, int, Task> operation)
    {
        var count = 0L;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; sw.Elapsed < Phase; i++)
            {
                await operation(w, i);
                Interlocked.Increment(ref count);
            }
        })));
        return count / sw.Elapsed.TotalSeconds;
    }

    private static Ticket NewTicket(string id)
    {
        var ticket = Ticket.Report(
            new TicketReport
            {
                Id = TicketId.From(id),
                TenantId = "bench",
                Reporter = new TicketReporter { Name = "张伟", Organization = "某市人民医院 信息科", Contact = "138-0000-0000" },
                Channel = ReportChannel.Phone,
                Site = new TicketSite { Location = ServiceSite.Local, Name = "门诊楼", Address = "某市某路 1 号" },
                DeviceSerialNumber = "SN-" + id,
                Symptom = "自助机无法打印",
                SeverityCode = "B",
            },
            Policy,
            SystemClock.Instance);
        ticket.Acknowledge();
        return ticket;
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Factory(DbContextOptions<AfterSalesDbContext> options) : IDbContextFactory<AfterSalesDbContext>
    {
        public AfterSalesDbContext CreateDbContext() => new(options);
    }
}
