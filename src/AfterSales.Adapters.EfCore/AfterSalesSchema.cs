using System.Globalization;
using System.Reflection;
using AfterSales.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// Creates and upgrades AfterSales.Kit's tables without EF Core design-time tooling (数据库结构升级):
/// versioned SQL scripts per provider, embedded in this assembly, applied in order and recorded in a
/// history table (<see cref="AfterSalesModelOptions.HistoryTable"/>).
/// </summary>
/// <remarks>
/// <para><b>Names.</b> The scripts take the schema and table prefix the context's model maps
/// (<see cref="AfterSalesModelOptions"/>), so a host's prefix or schema is honoured.</para>
/// <para><b>Several nodes.</b> Every run is one transaction that first takes a lock: a transaction-level
/// advisory lock on PostgreSQL, an immediate (write) transaction on SQLite. Nodes starting together
/// wait for each other; the first applies the scripts, the others find them applied. DDL is
/// transactional on both, so a failed script leaves nothing behind.</para>
/// <para><b>Hosts with their own migrations</b> can instead take the DDL from
/// <see cref="GetScripts"/> into theirs, or use <c>Database.EnsureCreated</c> in tests.</para>
/// </remarks>
public static class AfterSalesSchema
{
    private const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    private const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>The schema version the scripts of this release lead to.</summary>
    public static int LatestVersion => Scripts("Sqlite").Max(static s => s.Version);

    /// <summary>
    /// Applies the scripts not yet recorded in the history table, in version order, in one transaction.
    /// </summary>
    /// <param name="context">A context that maps AfterSales.Kit's tables; its connection is used.</param>
    /// <param name="cancellationToken">Cancels the run; nothing is applied then.</param>
    /// <returns>The number of scripts applied: 0 when the schema was up to date.</returns>
    /// <exception cref="NotSupportedException">The provider is neither PostgreSQL nor SQLite.</exception>
    /// <exception cref="InvalidOperationException">The context does not map AfterSales.Kit's tables.</exception>
    public static async Task<int> MigrateAsync(DbContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var provider = ProviderKey(context.Database.ProviderName);
        var options = OptionsOf(context, provider);
        var scripts = GetScripts(context.Database.ProviderName!, options);
        var history = Qualified(options, options.HistoryTable, provider);
        var lockSql = Sql($"SELECT pg_advisory_xact_lock({LockKey(history).ToString(CultureInfo.InvariantCulture)})");
        var strategy = context.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            await using var transaction = await context.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
            if (provider == "PostgreSql")
            {
                // Two nodes migrating at once: the second waits here, then sees the first's history.
                await context.Database.ExecuteSqlRawAsync(lockSql, ct).ConfigureAwait(false);
                if (options.Schema is { } schema)
                {
                    await context.Database.ExecuteSqlRawAsync(Sql($"CREATE SCHEMA IF NOT EXISTS \"{schema}\""), ct).ConfigureAwait(false);
                }

                await context.Database.ExecuteSqlRawAsync(
                    Sql($"CREATE TABLE IF NOT EXISTS {history} (version integer NOT NULL PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())"),
                    ct).ConfigureAwait(false);
            }
            else
            {
                await context.Database.ExecuteSqlRawAsync(
                    Sql($"CREATE TABLE IF NOT EXISTS {history} (version INTEGER NOT NULL PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"),
                    ct).ConfigureAwait(false);
            }

            var applied = (await context.Database.SqlQueryRaw<int>(Sql($"SELECT version AS \"Value\" FROM {history}")).ToListAsync(ct).ConfigureAwait(false)).ToHashSet();
            var count = 0;
            foreach (var (version, description, sql) in scripts)
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await context.Database.ExecuteSqlRawAsync(sql, ct).ConfigureAwait(false);
                await context.Database.ExecuteSqlRawAsync(
                    Sql($"INSERT INTO {history} (version, description) VALUES ({{0}}, {{1}})"), [version, description], ct).ConfigureAwait(false);
                count++;
            }

            await transaction.CommitAsync(ct).ConfigureAwait(false);
            return count;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The scripts for a provider with the names of <paramref name="options"/> filled in, oldest first.</summary>
    /// <param name="providerName"><c>Database.ProviderName</c>: the Npgsql or SQLite EF Core provider.</param>
    /// <param name="options">The schema and table prefix.</param>
    /// <returns>Each script's version, description (its file name) and SQL.</returns>
    /// <exception cref="NotSupportedException">The provider is neither PostgreSQL nor SQLite.</exception>
    public static IReadOnlyList<(int Version, string Description, string Sql)> GetScripts(string providerName, AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var provider = ProviderKey(providerName);
        var schema = provider == "PostgreSql" && options.Schema is { } s ? $"\"{s}\"." : string.Empty;
        return
        [
            .. Scripts(provider).Select(x => (x.Version, x.Description,
                x.Sql.Replace("{{schema}}", schema, StringComparison.Ordinal).Replace("{{prefix}}", options.TablePrefix, StringComparison.Ordinal))),
        ];
    }

    private static IEnumerable<(int Version, string Description, string Sql)> Scripts(string provider)
    {
        var assembly = typeof(AfterSalesSchema).Assembly;
        var prefix = $"AfterSales.EntityFrameworkCore.Schema.{provider}.";
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var file = name[prefix.Length..];
            var version = int.Parse(file.AsSpan(0, file.IndexOf('_', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
            yield return (version, file, Read(assembly, name));
        }
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string ProviderKey(string? providerName) => providerName switch
    {
        PostgreSqlProvider => "PostgreSql",
        SqliteProvider => "Sqlite",
        _ => throw new NotSupportedException($"AfterSales.Kit's schema scripts support PostgreSQL and SQLite, not '{providerName}'."),
    };

    private static AfterSalesModelOptions OptionsOf(DbContext context, string provider)
    {
        var entityType = context.Model.FindEntityType(typeof(TicketRow))
            ?? throw new InvalidOperationException(
                $"The context {context.GetType().Name} does not map AfterSales.Kit's tables; call modelBuilder.ApplyAfterSalesConfiguration() in its OnModelCreating.");
        var table = entityType.GetTableName()!;
        const string Suffix = "tickets";
        if (!table.EndsWith(Suffix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The tickets table is named '{table}'; the scripts expect '<prefix>{Suffix}' as ApplyAfterSalesConfiguration maps it.");
        }

        var options = new AfterSalesModelOptions { TablePrefix = table[..^Suffix.Length], Schema = provider == "PostgreSql" ? entityType.GetSchema() : null };
        options.Validate();
        return options;
    }

    private static string Qualified(AfterSalesModelOptions options, string table, string provider) =>
        provider == "PostgreSql" && options.Schema is { } schema ? $"\"{schema}\".\"{table}\"" : $"\"{table}\"";

    /// <summary>Only validated identifiers (<see cref="AfterSalesModelOptions.Validate"/>) and numbers are put into these statements.</summary>
    private static string Sql(string trusted) => trusted;

    private static long LockKey(string name)
    {
        // FNV-1a: stable across processes and runtimes, unlike string.GetHashCode.
        var hash = 14695981039346656037UL;
        foreach (var c in "AfterSales.Kit schema " + name)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return unchecked((long)hash);
    }
}
