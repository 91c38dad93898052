using AfterSales.Benchmarks.Persistence;
using AfterSales.Benchmarks.Spares;
using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- --filter '*'
// Persistence load program: dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- persistence
// Replenishment load program (PostgreSQL): ... -- replenishment [centres] [parts]
if (args is ["persistence", ..])
{
    await PersistenceLoad.RunAsync(args[1..]);
    return;
}

// Deadline lateness over several nodes, and outbox throughput and overhead:
// dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- events [--deadlines 2000] [--nodes 3] [--window 60] [--lead 24] [--events 2000] [--phases lateness,throughput,overhead]
if (args is ["events", ..])
{
    await AfterSales.Benchmarks.Events.EventsLoad.RunAsync(args[1..]);
    return;
}

// Monthly replenishment from stored stock: dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- replenishment
if (args is ["replenishment", ..])
{
    await ReplenishmentLoad.RunAsync(args[1..]);
    return;
}

// Quarterly report load: dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- quality [--work-orders 2000,8000]
if (args is ["quality", ..])
{
    await AfterSales.Benchmarks.Quality.QuarterlyReportLoad.RunAsync(args[1..]);
    return;
}

// Idempotency keys in memory: dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- idempotency-memory [--keys 100000]
if (args is ["idempotency-memory", ..])
{
    await AfterSales.Benchmarks.Idempotency.IdempotencyMemoryLoad.RunAsync(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
