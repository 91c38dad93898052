using AfterSales.Benchmarks.Persistence;
using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- --filter '*'
// Persistence load program: dotnet run -c Release --project benchmarks/AfterSales.Benchmarks -- persistence
if (args is ["persistence", ..])
{
    await PersistenceLoad.RunAsync(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
