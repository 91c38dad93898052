using AfterSales.Quality;
using AfterSales.Quality.Reporting;
using BenchmarkDotNet.Attributes;
using NodaTime;

namespace AfterSales.Benchmarks.Quality;

/// <summary>
/// The quarterly report over one tenant's quarter of work orders (issue 15's scale target: 100 000
/// work orders in ≤ 2 s on PostgreSQL and ≤ 5 s on SQLite, memory bounded). <see cref="StreamTickets"/>,
/// the baseline, only reads and rebuilds the work orders through the snapshot; <see cref="Report"/>
/// adds the summaries, figures and records; <see cref="ReportWithAuditCsv"/> also writes the audit
/// CSV to a null stream. The work-order count is <c>AFTERSALES_BENCH_WORK_ORDERS</c> (2 000 by default,
/// the small size; the lead runs 100 000 on a quiet machine); PostgreSQL needs <c>AFTERSALES_TEST_POSTGRES</c>.
/// </summary>
[MemoryDiagnoser]
public class QuarterlyReportBenchmarks
{
    private QualityReportData data = null!;
    private QualityService service = null!;
    private IQualitySnapshotSource snapshots = null!;

    [Params("Sqlite", "PostgreSql")]
    public string Provider { get; set; } = "Sqlite";

    public static int WorkOrders => int.TryParse(Environment.GetEnvironmentVariable("AFTERSALES_BENCH_WORK_ORDERS"), out var n) ? n : 2_000;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        data = await QualityReportData.CreateAsync(Provider, WorkOrders);
        service = data.Service();
        snapshots = data.Snapshots();
        var check = await service.QuarterlyReportAsync(QualityReportData.Tenant, 2026, 1, QualityReportData.AsOf);
        if (check.Report.Quarter.WorkOrderCount != WorkOrders)
        {
            throw new InvalidOperationException($"The report counted {check.Report.Quarter.WorkOrderCount} work orders, {WorkOrders} were seeded.");
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await data.DisposeAsync();

    [Benchmark(Baseline = true)]
    public Task<int> StreamTickets() =>
        snapshots.ReadAsync(QualityReportData.Tenant, async (snapshot, ct) =>
        {
            var count = 0;
            await foreach (var ticket in snapshot.TicketsAsync(Instant.FromUtc(2025, 12, 31, 16, 0), QualityReportData.AsOf, ct))
            {
                count += ticket.Version;
            }

            return count;
        });

    [Benchmark]
    public async Task<int> Report() =>
        (await service.QuarterlyReportAsync(QualityReportData.Tenant, 2026, 1, QualityReportData.AsOf)).Report.Quarter.WorkOrderCount;

    [Benchmark]
    public async Task<int> ReportWithAuditCsv()
    {
        var writer = new StreamWriter(Stream.Null);
        await using (writer)
        {
            return (await service.QuarterlyReportAsync(
                QualityReportData.Tenant,
                2026,
                1,
                QualityReportData.AsOf,
                async (line, ct) => await writer.WriteLineAsync(line.AsMemory(), ct))).Report.Quarter.WorkOrderCount;
        }
    }
}
