using System.Diagnostics;
using System.Globalization;
using AfterSales.Entitlements.Spares;
using AfterSales.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using Npgsql;

namespace AfterSales.Benchmarks.Spares;

/// <summary>
/// A bounded load program for the monthly replenishment run over stored data on PostgreSQL (R-SP-1,
/// R-SP-3): seeds a tenant with <c>centres × parts</c> stock positions (the balance and installed base
/// the ledger store and the device registry keep) plus movements after the month's end, then runs the
/// month through <see cref="SparesService"/> over <see cref="EfCoreReplenishmentStore{TContext}"/> —
/// reads, plan and writes — and runs it again (idempotent: reads, nothing written). Reports the time of
/// each step, the bytes allocated and the peak working set. Issue 14's target: 200 × 5 000 within 2 s.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- replenishment [centres] [parts]</c>
/// (200 and 5 000 by default). PostgreSQL comes from AFTERSALES_TEST_POSTGRES; a database is created and dropped.
/// </remarks>
internal static class ReplenishmentLoad
{
    private static readonly YearMonth Month = new(2026, 2);

    public static async Task RunAsync(string[] args)
    {
        var centres = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var parts = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
        var configured = Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(configured))
        {
            Console.WriteLine("AFTERSALES_TEST_POSTGRES is not set: the replenishment load runs on PostgreSQL only.");
            return;
        }

        Console.WriteLine($"# Replenishment load, {centres} centres × {parts} parts = {centres * parts:N0} cells, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        var name = $"aftersales_bench_{Guid.NewGuid():N}"[..30];
        var admin = new NpgsqlConnectionStringBuilder(configured) { Database = "postgres", Pooling = false }.ToString();
        await ExecAsync(admin, $"CREATE DATABASE {name}");
        try
        {
            var pg = new NpgsqlConnectionStringBuilder(configured) { Database = name, CommandTimeout = 600 }.ToString();
            var options = new DbContextOptionsBuilder<AfterSalesDbContext>().UseNpgsql(pg).Options;
            await using (var context = new AfterSalesDbContext(options))
            {
                await AfterSalesSchema.MigrateAsync(context);
            }

            var seed = Stopwatch.StartNew();
            await SeedAsync(pg, "warm-up", 5, 50);
            await SeedAsync(pg, "bench", centres, parts);
            Console.WriteLine($"seeded in {seed.Elapsed.TotalSeconds:0.0} s");

            var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 1, 0));
            var store = new TimedStore(new EfCoreReplenishmentStore<AfterSalesDbContext>(new Factory(options)));
            var spares = new SparesService(store, clock);
            await spares.RunAsync("warm-up", Month, ReplenishmentPolicy.Seed000);

            Console.WriteLine();
            Console.WriteLine("| Run | Total | Read stock + installed base | Plan + cut | Write runs | Read runs | Client CPU | Orders | Units | Allocated | Peak working set |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var label in new[] { "first (stores every centre)", "again (idempotent, stores nothing)" })
            {
                GC.Collect();
                store.Reset();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var total = Stopwatch.StartNew();
                var result = await spares.RunAsync("bench", Month, ReplenishmentPolicy.Seed000);
                total.Stop();
                allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
                var plan = total.Elapsed - store.Load - store.Save - store.List;
                Console.WriteLine(
                    $"| {label} | {Ms(total.Elapsed)} | {Ms(store.Load)} | {Ms(plan)} | {Ms(store.Save)} | {Ms(store.List)} | {Ms(cpu)} | {result.OrderCount:N0} | {result.TotalUnits:N0} | "
                    + $"{allocated / 1_048_576.0:0.0} MB | {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576.0:0} MB |");
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
        }
    }

    private static string Ms(TimeSpan t) => $"{t.TotalMilliseconds:N0} ms";

    /// <summary>
    /// The rows the stores keep, generated in the database: a position for every cell (0–3 on hand, an
    /// installed base of 0–59 devices) (so about a third of the cells is below 5 %), and movements
    /// on the first of March (after February's end) for one cell in ten, which the run takes back off.
    /// </summary>
    private static async Task SeedAsync(string connectionString, string tenant, int centres, int parts)
    {
        await ExecAsync(connectionString, $"""
            INSERT INTO aftersales_stock_positions (tenant_id, centre_id, part_number, on_hand, version, installed_base)
            SELECT '{tenant}', 'C-' || lpad(c::text, 4, '0'), 'P-' || lpad(p::text, 6, '0'),
                   (c * 3 + p * 5) % 4 + CASE WHEN (c + p) % 10 = 0 THEN 2 ELSE 0 END, CASE WHEN (c + p) % 10 = 0 THEN 2 ELSE 1 END, (c * 7 + p * 13) % 60
            FROM generate_series(1, {centres}) c, generate_series(1, {parts}) p;
            INSERT INTO aftersales_stock_movements (tenant_id, centre_id, part_number, version, kind, quantity, recorded_by, at, work_order_id, note)
            SELECT '{tenant}', 'C-' || lpad(c::text, 4, '0'), 'P-' || lpad(p::text, 6, '0'), 2, 'Received', 2, 'load', 1772326800000000000, NULL, NULL
            FROM generate_series(1, {centres}) c, generate_series(1, {parts}) p WHERE (c + p) % 10 = 0;
            """);

        // As a table long in use would be: hint bits set and statistics known, so the first read is not a write.
        await ExecAsync(connectionString, "VACUUM ANALYZE");
    }

    private static async Task ExecAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    private sealed class Factory(DbContextOptions<AfterSalesDbContext> options) : IDbContextFactory<AfterSalesDbContext>
    {
        public AfterSalesDbContext CreateDbContext() => new(options);
    }

    /// <summary>Times the store's calls, so the run's time splits into reads, plan and writes.</summary>
    private sealed class TimedStore(IReplenishmentStore inner) : IReplenishmentStore
    {
        public TimeSpan Load { get; private set; }

        public TimeSpan Save { get; private set; }

        public TimeSpan List { get; private set; }

        public void Reset() => (Load, Save, List) = (TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero);

        public async Task<StockPositions> LoadPositionsAsync(string tenantId, Instant asOf, CancellationToken cancellationToken = default)
        {
            var watch = Stopwatch.StartNew();
            var positions = await inner.LoadPositionsAsync(tenantId, asOf, cancellationToken);
            Load += watch.Elapsed;
            return positions;
        }

        public async Task<IReadOnlyList<ReplenishmentCentreRun>> ListRunsAsync(string tenantId, YearMonth month, CancellationToken cancellationToken = default)
        {
            var watch = Stopwatch.StartNew();
            var runs = await inner.ListRunsAsync(tenantId, month, cancellationToken);
            List += watch.Elapsed;
            return runs;
        }

        public Task<ReplenishmentCentreRun?> FindRunAsync(string tenantId, YearMonth month, string centreId, CancellationToken cancellationToken = default) =>
            inner.FindRunAsync(tenantId, month, centreId, cancellationToken);

        public async Task<int> SaveRunsAsync(string tenantId, IReadOnlyList<ReplenishmentCentreRun> runs, CancellationToken cancellationToken = default)
        {
            var watch = Stopwatch.StartNew();
            var stored = await inner.SaveRunsAsync(tenantId, runs, cancellationToken);
            Save += watch.Elapsed;
            return stored;
        }

        public Task<IReadOnlyList<StockReportLine>> ReportAsync(string tenantId, string centreId, Interval month, int offset, int limit, CancellationToken cancellationToken = default) =>
            inner.ReportAsync(tenantId, centreId, month, offset, limit, cancellationToken);
    }
}
