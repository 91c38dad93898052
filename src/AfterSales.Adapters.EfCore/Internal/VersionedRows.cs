using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// Stages a row whose <c>Version</c> property is its concurrency token, for <c>SaveChanges</c>: inserted when it is
/// new (expected version 0), otherwise updated only where the stored version is the expected one, so a stale
/// writer's save hits no row and EF Core throws <see cref="DbUpdateConcurrencyException"/>.
/// </summary>
internal static class VersionedRows
{
    public static void Stage<TRow>(DbContext context, TRow row, int expectedVersion)
        where TRow : class
    {
        if (expectedVersion == 0)
        {
            context.Add(row);
            return;
        }

        var entry = context.Attach(row);
        entry.State = EntityState.Modified;
        entry.Property("Version").OriginalValue = expectedVersion;
    }
}
