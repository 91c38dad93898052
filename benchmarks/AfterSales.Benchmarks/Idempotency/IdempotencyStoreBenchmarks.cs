using AfterSales.Idempotency;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace AfterSales.Benchmarks.Idempotency;

/// <summary>
/// What an <c>Idempotency-Key</c> costs the store, per request: <c>Record</c> is a first request (reserve
/// a new key, then store its 1.5 KiB response), <c>Replay</c> a retry (look the key up, get the
/// response back). The in-memory stores start holding <see cref="Prefilled"/> completed keys of one
/// tenant (the default bound), so the bounded one evicts one key per record, as it does when full; the
/// durable store starts with <see cref="PrefilledDurable"/> rows (a primary-key lookup hardly depends on
/// the table's size, and filling it through the store costs a round trip per write).
/// The baseline is 0.1's unbounded dictionary (<see cref="UnboundedIdempotencyStore"/>); the durable
/// store runs on a SQLite file (WAL) and on PostgreSQL (AFTERSALES_TEST_POSTGRES; the PostgreSQL cases
/// fail without it).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class IdempotencyStoreBenchmarks
{
    private const int Prefilled = 10_000;
    private const int PrefilledDurable = 2_000;

    private IdempotencyBenchData data = null!;
    private int next = Prefilled;
    private int filled;
    private int replayed;

    /// <summary>0.1's store with <see cref="Prefilled"/> completed keys (each benchmark runs in its own process: only its store is set up).</summary>
    [GlobalSetup(Targets = [nameof(Record_Unbounded), nameof(Replay_Unbounded)])]
    public void SetupUnbounded() => Setup("Unbounded");

    /// <summary>The bounded in-memory store, full.</summary>
    [GlobalSetup(Targets = [nameof(Record_InMemory), nameof(Replay_InMemory)])]
    public void SetupInMemory() => Setup("InMemory");

    /// <summary>The durable store on a fresh SQLite file.</summary>
    [GlobalSetup(Targets = [nameof(Record_Sqlite), nameof(Replay_Sqlite)])]
    public void SetupSqlite() => Setup("Sqlite");

    /// <summary>The durable store on a fresh PostgreSQL database.</summary>
    [GlobalSetup(Targets = [nameof(Record_PostgreSql), nameof(Replay_PostgreSql)])]
    public void SetupPostgreSql() => Setup("PostgreSql");

    /// <summary>Drops the databases.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        data.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>0.1's store: a first request.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Record")]
    public Task Record_Unbounded() => data.RecordAsync(next++);

    /// <summary>The bounded in-memory store: a first request (and, full, one eviction).</summary>
    [Benchmark, BenchmarkCategory("Record")]
    public Task Record_InMemory() => data.RecordAsync(next++);

    /// <summary>The durable store on SQLite: an insert, then an update with the response.</summary>
    [Benchmark, BenchmarkCategory("Record")]
    public Task Record_Sqlite() => data.RecordAsync(next++);

    /// <summary>The durable store on PostgreSQL: an insert, then an update with the response.</summary>
    [Benchmark, BenchmarkCategory("Record")]
    public Task Record_PostgreSql() => data.RecordAsync(next++);

    /// <summary>0.1's store: a retry.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Replay")]
    public Task<IdempotentResponse> Replay_Unbounded() => data.ReplayAsync(NextReplay());

    /// <summary>The bounded in-memory store: a retry.</summary>
    [Benchmark, BenchmarkCategory("Replay")]
    public Task<IdempotentResponse> Replay_InMemory() => data.ReplayAsync(NextReplay());

    /// <summary>The durable store on SQLite: a retry reads the row by its primary key.</summary>
    [Benchmark, BenchmarkCategory("Replay")]
    public Task<IdempotentResponse> Replay_Sqlite() => data.ReplayAsync(NextReplay());

    /// <summary>The durable store on PostgreSQL: a retry reads the row by its primary key.</summary>
    [Benchmark, BenchmarkCategory("Replay")]
    public Task<IdempotentResponse> Replay_PostgreSql() => data.ReplayAsync(NextReplay());

    // The prefilled keys, round-robin (a Replay process records nothing, so none is evicted).
    private int NextReplay() => replayed++ % filled;

    private void Setup(string kind)
    {
        data = IdempotencyBenchData.CreateAsync(kind).GetAwaiter().GetResult();
        filled = kind is "Sqlite" or "PostgreSql" ? PrefilledDurable : Prefilled;
        for (var i = 0; i < filled; i++)
        {
            data.RecordAsync(i).GetAwaiter().GetResult();
        }
    }
}
