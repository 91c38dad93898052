namespace AfterSales.EntityFrameworkCore.Tests.Support;

/// <summary>
/// A fact that needs the PostgreSQL server named by <c>AFTERSALES_TEST_POSTGRES</c>. Skipped locally
/// when the variable is absent; under <c>CI=true</c> it runs anyway and fails with a clear message,
/// so CI never passes with PostgreSQL silently skipped.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "AFTERSALES_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{Variable} is not set (e.g. Host=127.0.0.1;Username=postgres;Password=postgres;Database=aftersales_test).";
        }
    }
}
