using System.Data.Common;
using AfterSales.EntityFrameworkCore.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>The versioned scripts against the EF Core model, and the migration runner.</summary>
public sealed class SchemaTests
{
    [Fact]
    public Task MigrateAsync_Scripts_CreateTheSchemaTheModelDescribes_Sqlite() => SchemaMatchesModel(Provider.Sqlite);

    [PostgresFact]
    public Task MigrateAsync_Scripts_CreateTheSchemaTheModelDescribes_PostgreSql() => SchemaMatchesModel(Provider.PostgreSql);

    [Fact]
    public Task MigrateAsync_TwiceAndConcurrently_AppliesEachScriptOnce_Sqlite() => AppliesOnce(Provider.Sqlite);

    [PostgresFact]
    public Task MigrateAsync_TwiceAndConcurrently_AppliesEachScriptOnce_PostgreSql() => AppliesOnce(Provider.PostgreSql);

    [Fact]
    public Task MigrateAsync_OnASchemaAtVersion1_AppliesTheLaterScriptsOnly_Sqlite() => UpgradesFromVersion1(Provider.Sqlite);

    [PostgresFact]
    public Task MigrateAsync_OnASchemaAtVersion1_AppliesTheLaterScriptsOnly_PostgreSql() => UpgradesFromVersion1(Provider.PostgreSql);

    /// <summary>A database a release with only script 0001 created (tickets in it) upgrades in place and keeps its rows.</summary>
    private static async Task UpgradesFromVersion1(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        await using (var old = db.NewHostContext())
        {
            var (version, description, sql) = AfterSalesSchema.GetScripts(old.Database.ProviderName!, new AfterSalesModelOptions { Schema = HostDbContext.Schema, TablePrefix = HostDbContext.Prefix })[0];
            Assert.Equal(1, version);
            var schema = provider == Provider.PostgreSql ? $"\"{HostDbContext.Schema}\"." : "";
            if (provider == Provider.PostgreSql)
            {
                await old.Database.ExecuteSqlRawAsync(Trusted($"CREATE SCHEMA {schema.TrimEnd('.')}"));
            }

            var history = $"{schema}\"{HostDbContext.Prefix}schema_history\"";
            await old.Database.ExecuteSqlRawAsync(sql);
            await old.Database.ExecuteSqlRawAsync(Trusted(
                $"CREATE TABLE {history} (version integer NOT NULL PRIMARY KEY, description text NOT NULL, applied_at text NOT NULL DEFAULT CURRENT_TIMESTAMP)"));
            await old.Database.ExecuteSqlRawAsync(Trusted($"INSERT INTO {history} (version, description) VALUES (1, {{0}})"), description);
            await old.Database.ExecuteSqlRawAsync(Trusted(
                $"INSERT INTO {schema}\"{HostDbContext.Prefix}tickets\" (tenant_id, id, state, severity_code, policy_key, device_serial_number, reported_at, last_event_at, as_of, is_legacy_issue, version) "
                + "VALUES ('t1', 'WO-1', 'Reported', 'P1', 'p@1', 'SN', 0, 0, 0, false, 1)"));
        }

        await using var context = db.NewHostContext();
        Assert.Equal(Versions(context).Count - 1, await AfterSalesSchema.MigrateAsync(context));
        Assert.Equal(1, await context.Set<Storage.TicketRow>().CountAsync());
        Assert.Equal(0, await context.Set<Storage.StockMovementRow>().CountAsync());
        Assert.Equal(0, await context.Set<Storage.ComplaintRow>().CountAsync());
        Assert.Equal(0, await context.Set<Storage.DeviceRow>().CountAsync());
    }

    /// <summary>The script versions of the context's provider, ascending: not contiguous while issues land their numbered scripts one by one.</summary>
    private static List<int> Versions(DbContext context) =>
        [.. AfterSalesSchema.GetScripts(context.Database.ProviderName!, new AfterSalesModelOptions { Schema = HostDbContext.Schema, TablePrefix = HostDbContext.Prefix }).Select(static s => s.Version)];

    /// <summary>Only the test's constant names go into these statements.</summary>
    private static string Trusted(string sql) => sql;

    /// <summary>
    /// One database from the scripts, one from <c>EnsureCreated</c> (EF Core's DDL for the model); the
    /// catalogs must agree on our tables: columns, store types, nullability, keys, foreign keys, indexes.
    /// </summary>
    private static async Task SchemaMatchesModel(Provider provider)
    {
        await using var scripted = await TestDatabase.CreateAsync(provider, migrate: false);
        await using var modelled = await TestDatabase.CreateAsync(provider, migrate: false);
        foreach (var kind in new[] { "host", "quick start" })
        {
            DbContext Open(TestDatabase db) => kind == "host" ? db.NewHostContext() : db.NewQuickStartContext();
            var prefix = kind == "host" ? HostDbContext.Prefix : new AfterSalesModelOptions().TablePrefix;
            await using var a = Open(scripted);
            Assert.Equal(Versions(a).Count, await AfterSalesSchema.MigrateAsync(a));
            await using var b = Open(modelled);
            if (kind == "host")
            {
                await b.Database.EnsureCreatedAsync();
            }
            else
            {
                // EnsureCreated does nothing once the database has tables: create the quick start's from its model script.
                await b.Database.ExecuteSqlRawAsync(b.Database.GenerateCreateScript());
            }

            var expected = await Catalog(b, provider, prefix);
            var actual = await Catalog(a, provider, prefix);
            Assert.True(expected.Count > 20, $"the catalog query found too little: {string.Join("\n", expected)}");
            Assert.Equal(expected, actual);
        }
    }

    private static async Task AppliesOnce(Provider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: false);
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var context = db.NewHostContext();
            return await AfterSalesSchema.MigrateAsync(context);
        })));
        await using var again = db.NewHostContext();
        Assert.Equal(Versions(again).Count, results.Sum());
        Assert.Equal(0, await AfterSalesSchema.MigrateAsync(again));
        var history = provider == Provider.PostgreSql ? $"\"{HostDbContext.Schema}\".\"{HostDbContext.Prefix}schema_history\"" : $"\"{HostDbContext.Prefix}schema_history\"";
        var rows = await Query(again, $"SELECT version FROM {history}");
        Assert.Equal(Versions(again), rows.Select(static r => int.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.Equal(AfterSalesSchema.LatestVersion, Versions(again)[^1]);
    }

    private static async Task<List<string>> Catalog(DbContext context, Provider provider, string prefix)
    {
        var like = prefix + "%";
        var history = prefix + "schema_history";
        string[] queries = provider == Provider.PostgreSql
            ?
            [
                $"SELECT table_schema, table_name, column_name, data_type, coalesce(character_maximum_length, 0), is_nullable, coalesce(column_default, '') FROM information_schema.columns WHERE table_name LIKE '{like}' AND table_name <> '{history}'",
                $"SELECT schemaname, tablename, indexname, indexdef FROM pg_indexes WHERE tablename LIKE '{like}' AND tablename <> '{history}'",
                $"SELECT c.conname, c.contype, pg_get_constraintdef(c.oid), t.relname FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid WHERE t.relname LIKE '{like}' AND t.relname <> '{history}'",
            ]
            :
            [
                $"SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", coalesce(p.dflt_value, ''), p.pk FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name LIKE '{like}' AND m.name <> '{history}'",
                $"SELECT m.name, l.name, l.\"unique\", l.origin, l.partial, i.seqno, i.name FROM sqlite_master m JOIN pragma_index_list(m.name) l JOIN pragma_index_info(l.name) i WHERE m.type = 'table' AND m.name LIKE '{like}' AND m.name <> '{history}'",
                $"SELECT m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f WHERE m.type = 'table' AND m.name LIKE '{like}' AND m.name <> '{history}'",
            ];
        var all = new List<string>();
        foreach (var q in queries)
        {
            all.AddRange(await Query(context, q));
        }

        all.Sort(StringComparer.Ordinal);
        return all;
    }

    private static async Task<List<string>> Query(DbContext context, string sql)
    {
        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                }

                rows.Add(string.Join(" | ", values));
            }

            return rows;
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }
}
