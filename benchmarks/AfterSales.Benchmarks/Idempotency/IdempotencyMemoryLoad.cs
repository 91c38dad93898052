using System.Diagnostics;
using System.Globalization;

namespace AfterSales.Benchmarks.Idempotency;

/// <summary>
/// The memory bound under many keys: for each store, one tenant records <c>--keys</c> (100 000 by
/// default) distinct keys with a created ticket's 1.5 KiB response, then the store sweeps once (the
/// background sweep's work; the in-memory stores bound on insert). Prints the managed heap the store
/// holds after a full collection — before the sweep and after it — with the keys it holds, against the
/// default bound (10 000 keys, 32 MiB per tenant). The baseline is 0.1's unbounded store. The durable
/// store runs on SQLite; <c>--postgresql</c> adds it on PostgreSQL (AFTERSALES_TEST_POSTGRES).
/// </summary>
internal static class IdempotencyMemoryLoad
{
    public static async Task RunAsync(string[] args)
    {
        var keys = args is ["--keys", var n, ..] ? int.Parse(n, CultureInfo.InvariantCulture) : 100_000;
        // The durable stores keep nothing per key in memory whatever the provider; PostgreSQL is left to the
        // BenchmarkDotNet suite (100 000 keys at its per-record cost would hold the shared machine for a quarter of an hour).
        var kinds = args.Contains("--postgresql") ? new[] { "Unbounded", "InMemory", "Sqlite", "PostgreSql" } : ["Unbounded", "InMemory", "Sqlite"];
        Console.WriteLine($"# Idempotency keys in memory, {keys} keys of one tenant, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine("| Store | Keys recorded | Time | Keys held | Heap held after recording | Keys held after a sweep | Heap held after a sweep |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var kind in kinds)
        {
            Console.WriteLine(await MeasureAsync(kind, keys));
        }
    }

    // One store per call, so nothing of the previous store is reachable when the next one's baseline is taken.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static async Task<string> MeasureAsync(string kind, int keys)
    {
        var baseline = Heap();
        var data = await IdempotencyBenchData.CreateAsync(kind);
        await using (data)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < keys; i++)
            {
                await data.RecordAsync(i);
                if ((i + 1) % 20_000 == 0)
                {
                    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{kind}: {i + 1} keys, {watch.Elapsed.TotalSeconds:F0} s"));
                }
            }

            watch.Stop();
            var (heldBefore, heapBefore) = (await data.KeysHeldAsync(), Heap() - baseline);
            await data.Store.SweepAsync(IdempotencyBenchData.Now);
            var (heldAfter, heapAfter) = (await data.KeysHeldAsync(), Heap() - baseline);
            GC.KeepAlive(data);
            return string.Create(CultureInfo.InvariantCulture,
                $"| {kind} | {keys:N0} | {watch.Elapsed.TotalSeconds:F1} s | {heldBefore:N0} | {Mib(heapBefore)} | {heldAfter:N0} | {Mib(heapAfter)} |");
        }
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MiB");
}
