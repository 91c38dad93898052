using FsCheck.Xunit;

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

    public PostgresFactAttribute() => Skip = SkipReason();

    /// <summary>Why a PostgreSQL test is skipped here; null when it runs.</summary>
    internal static string? SkipReason() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable))
            && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)
            ? $"{Variable} is not set (e.g. Host=127.0.0.1;Username=postgres;Password=postgres;Database=aftersales_test)."
            : null;
}

/// <summary>An FsCheck.Xunit property that needs PostgreSQL, skipped or run as <see cref="PostgresFactAttribute"/> is.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresPropertyAttribute : PropertyAttribute
{
    public PostgresPropertyAttribute() => Skip = PostgresFactAttribute.SkipReason();
}
