using AfterSales.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// Keeps the <see cref="StockPositionRow"/>s in step, inside the saving transaction: a ledger's balance and
/// version when its movements are appended, and the installed base when a device is saved. One upsert
/// each on both providers (SQLite 3.24+, PostgreSQL 9.5+), atomic under concurrent saves.
/// </summary>
internal static class StockPositionRows
{
    /// <summary>
    /// Sets the balance and version of (<paramref name="centreId"/>, <paramref name="partNumber"/>) where
    /// the stored version is still <paramref name="expectedVersion"/>; false when another writer moved it.
    /// </summary>
    public static async Task<bool> SetBalanceAsync(DbContext context, string tenantId, string centreId, string partNumber, int balance, int version, int expectedVersion, CancellationToken cancellationToken)
    {
        var n = Names.Of(context);
        var sql = $"INSERT INTO {n.Table} AS p ({n.Tenant}, {n.Centre}, {n.Part}, {n.OnHand}, {n.Version}, {n.Installed}) VALUES ({{0}}, {{1}}, {{2}}, {{3}}, {{4}}, 0) "
            + $"ON CONFLICT ({n.Tenant}, {n.Centre}, {n.Part}) DO UPDATE SET {n.OnHand} = excluded.{n.OnHand}, {n.Version} = excluded.{n.Version} WHERE p.{n.Version} = {{5}}";
        return await context.Database.ExecuteSqlRawAsync(sql, [tenantId, centreId, partNumber, balance, version, expectedVersion], cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Adds <paramref name="delta"/> to the installed base of (<paramref name="centreId"/>, <paramref name="model"/>); nothing when either is unknown.</summary>
    public static Task CountDeviceAsync(DbContext context, string tenantId, string? centreId, string? model, int delta, CancellationToken cancellationToken)
    {
        if (centreId is null || model is null)
        {
            return Task.CompletedTask;
        }

        var n = Names.Of(context);
        var sql = $"INSERT INTO {n.Table} AS p ({n.Tenant}, {n.Centre}, {n.Part}, {n.OnHand}, {n.Version}, {n.Installed}) VALUES ({{0}}, {{1}}, {{2}}, 0, 0, {{3}}) "
            + $"ON CONFLICT ({n.Tenant}, {n.Centre}, {n.Part}) DO UPDATE SET {n.Installed} = p.{n.Installed} + excluded.{n.Installed}";
        return context.Database.ExecuteSqlRawAsync(sql, [tenantId, centreId, model, delta], cancellationToken);
    }

    private sealed record Names(string Table, string Tenant, string Centre, string Part, string OnHand, string Version, string Installed)
    {
        public static Names Of(DbContext context)
        {
            var names = StoreNames.Of(context, typeof(StockPositionRow));
            return new Names(
                names.Table,
                names.Column(nameof(StockPositionRow.TenantId)),
                names.Column(nameof(StockPositionRow.CentreId)),
                names.Column(nameof(StockPositionRow.PartNumber)),
                names.Column(nameof(StockPositionRow.OnHand)),
                names.Column(nameof(StockPositionRow.Version)),
                names.Column(nameof(StockPositionRow.InstalledBase)));
        }
    }
}
