using System.Diagnostics;
using System.Globalization;

namespace AfterSales.Benchmarks.Quality;

/// <summary>
/// A bounded program for the quarterly report's scale target: for each provider and size it seeds one
/// tenant's quarter, then builds the report (with the audit CSV to a null stream) three times and prints
/// the median time, the bytes allocated, and the peak growth of the managed heap during the report
/// (sampled every 2 ms) — the memory a streamed report holds, which must not grow with the work orders.
/// Sizes: <c>--work-orders 2000,8000</c> by default (the small size the helper proves); the lead runs
/// <c>--work-orders 100000</c> on a quiet machine. PostgreSQL comes from AFTERSALES_TEST_POSTGRES.
/// </summary>
internal static class QuarterlyReportLoad
{
    public static async Task RunAsync(string[] args)
    {
        var sizes = args is ["--work-orders", var list, ..] ? list.Split(',').Select(static s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() : [2_000, 8_000];
        var providers = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("AFTERSALES_TEST_POSTGRES")) ? new[] { "Sqlite" } : ["Sqlite", "PostgreSql"];
        Console.WriteLine($"# Quarterly report load, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine("| Provider | Work orders | Seed | Report (median of 3) | Allocated per report | Peak heap growth during report |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var provider in providers)
        {
            foreach (var size in sizes)
            {
                var seed = Stopwatch.StartNew();
                await using var data = await QualityReportData.CreateAsync(provider, size);
                seed.Stop();
                var service = data.Service();
                var times = new List<TimeSpan>();
                long allocated = 0, peak = 0;
                for (var run = 0; run < 3; run++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                    var before = GC.GetTotalMemory(forceFullCollection: false);
                    var high = before;
                    using var stop = new CancellationTokenSource();
                    var sampler = Task.Run(async () =>
                    {
                        while (!stop.IsCancellationRequested)
                        {
                            high = Math.Max(high, GC.GetTotalMemory(forceFullCollection: false));
                            await Task.Delay(2);
                        }
                    });
                    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                    var watch = Stopwatch.StartNew();
                    var writer = new StreamWriter(Stream.Null);
                    await using (writer)
                    {
                        var result = await service.QuarterlyReportAsync(QualityReportData.Tenant, 2026, 1, QualityReportData.AsOf, async (line, ct) => await writer.WriteLineAsync(line.AsMemory(), ct));
                        if (result.Report.Quarter.WorkOrderCount != size)
                        {
                            throw new InvalidOperationException($"counted {result.Report.Quarter.WorkOrderCount} of {size}");
                        }
                    }

                    watch.Stop();
                    allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
                    await stop.CancelAsync();
                    await sampler;
                    peak = Math.Max(peak, high - before);
                    times.Add(watch.Elapsed);
                }

                var median = times.Order().ElementAt(1);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {provider} | {size:N0} | {seed.Elapsed.TotalSeconds:0.0} s | {median.TotalMilliseconds:N0} ms | {allocated / 1048576.0:N1} MB | {peak / 1048576.0:N1} MB |"));
            }
        }
    }
}
