using AfterSales.Calendars;
using AfterSales.Documents.Policies;
using AfterSales.EntityFrameworkCore;
using AfterSales.Sla;
using AfterSales.Sla.Timeline;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;

namespace AfterSales.Benchmarks.Sla;

/// <summary>
/// Evaluating a ticket's clocks under a policy stored in the catalog (a tenant's version saved as a
/// document on SQLite, read back by a fresh catalog) against the compiled C# preset (issue 12, scale):
/// the catalog builds a policy once per version into the same immutable objects, so evaluation costs
/// the same. For the record, the one-off cost of reading the document (a cache miss) and of a cached lookup.
/// </summary>
[MemoryDiagnoser]
public class PolicyEvaluationBenchmarks
{
    private const string Tenant = "bench";
    private static readonly DateTimeZone Beijing = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private readonly Instant now = Bj(2026, 3, 4, 12, 0);
    private string file = string.Empty;
    private EfCoreSlaPolicyCatalog<AfterSalesDbContext> catalog = null!;
    private SlaPolicy preset = null!;
    private SlaPolicy stored = null!;
    private TicketTimeline timeline = null!;
    private string document = string.Empty;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        preset = SlaPresets.SystemIntegration002On5x8;
        file = Path.Combine(Path.GetTempPath(), $"aftersales-policy-bench-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<AfterSalesDbContext>().UseSqlite(new SqliteConnectionStringBuilder { DataSource = file }.ToString()).Options;
        await using (var context = new AfterSalesDbContext(options))
        {
            await AfterSalesSchema.MigrateAsync(context);
        }

        var clock = new FakeClock(now);
        var factory = new Factory(options);
        var calendars = new EfCoreCalendarCatalog<AfterSalesDbContext>(factory, CalendarPresets.All, clock);
        await new EfCoreSlaPolicyCatalog<AfterSalesDbContext>(factory, SlaPresets.All, calendars, clock).SaveAsync(Tenant, preset, null);

        // A fresh catalog: nothing cached until the first read.
        catalog = new EfCoreSlaPolicyCatalog<AfterSalesDbContext>(factory, SlaPresets.All, calendars, clock);
        stored = (await catalog.FindAsync(Tenant, preset.Id))!;
        document = PolicyDocuments.Write(stored);
        timeline = TicketTimeline.Open(Bj(2026, 3, 2, 10, 0), "A", ReportChannel.Phone, ServiceSite.Local)
            .Reached(Milestone.Responded, Bj(2026, 3, 2, 10, 10))
            .Paused(Bj(2026, 3, 2, 11, 0), "waiting for the customer")
            .Resumed(Bj(2026, 3, 2, 15, 0))
            .Reached(Milestone.ArrivedOnSite, Bj(2026, 3, 3, 9, 30))
            .Reached(Milestone.ServiceRestored, Bj(2026, 3, 3, 11, 0));
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    [Benchmark(Baseline = true, Description = "Evaluate under the compiled preset")]
    public IReadOnlyList<SlaClock> CompiledPreset() => SlaEvaluator.Evaluate(preset, timeline, now, ExplanationLanguage.English);

    [Benchmark(Description = "Evaluate under the catalog's stored version")]
    public IReadOnlyList<SlaClock> CatalogPolicy() => SlaEvaluator.Evaluate(stored, timeline, now, ExplanationLanguage.English);

    [Benchmark(Description = "Find the stored version (cached), then evaluate")]
    public async Task<IReadOnlyList<SlaClock>> FindThenEvaluate() =>
        SlaEvaluator.Evaluate((await catalog.FindAsync(Tenant, preset.Id, 2))!, timeline, now, ExplanationLanguage.English);

    [Benchmark(Description = "Read the document (a cache miss, once per version)")]
    public SlaPolicy ReadDocument() => PolicyDocuments.ReadPolicy(document, PolicyPresets.PresetCalendar).Value;

    private static Instant Bj(int y, int mo, int d, int h, int mi) => new LocalDateTime(y, mo, d, h, mi).InZoneStrictly(Beijing).ToInstant();

    private sealed class Factory(DbContextOptions<AfterSalesDbContext> options) : IDbContextFactory<AfterSalesDbContext>
    {
        public AfterSalesDbContext CreateDbContext() => new(options);
    }
}
