using System.Collections.Concurrent;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// The latest stored version of each document id a tenant holds (a catalog's policies or calendars): one
/// parameterised <c>SELECT id, MAX(version) … GROUP BY id</c> on the context's connection and transaction. Every
/// report asks for its policy's and its calendars' latest versions; through EF Core's LINQ pipeline (parameter
/// extraction, the query cache, the materialiser) those two reads were about a third of a report's CPU.
/// </summary>
/// <remarks>The row type must map <c>TenantId</c>, <c>Id</c> and <c>Version</c>; names come from the model.</remarks>
internal static class LatestVersions
{
    private static readonly ConcurrentDictionary<(IModel Model, Type Row, bool OneId), Sql> Statements = new();

    /// <summary>Each id's latest version for <paramref name="tenantId"/>; only <paramref name="id"/>'s when given (then at most one).</summary>
    public static async Task<List<(string Id, int Version)>> ReadAsync(DbContext context, Type rowType, string tenantId, string? id, CancellationToken cancellationToken)
    {
        var sql = Statements.GetOrAdd((context.Model, rowType, id is not null), static (key, context) => Sql.Of(context, key.Row, key.OneId), context);
        var latest = new List<(string Id, int Version)>();
        var database = context.Database;
        await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var command = DbCommands.Create(database, sql.Text);
            await using (command.ConfigureAwait(false))
            {
                command.AddParameter(sql.TenantParameter, DbType.String, tenantId);
                if (id is not null)
                {
                    command.AddParameter(sql.IdParameter, DbType.String, id);
                }

                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        latest.Add((reader.GetString(0), reader.GetInt32(1)));
                    }
                }
            }
        }
        finally
        {
            await database.CloseConnectionAsync().ConfigureAwait(false);
        }

        return latest;
    }

    /// <summary>The latest version of <paramref name="id"/> for <paramref name="tenantId"/>; null when the tenant stored none.</summary>
    public static async Task<int?> OfAsync(DbContext context, Type rowType, string tenantId, string id, CancellationToken cancellationToken) =>
        await ReadAsync(context, rowType, tenantId, id, cancellationToken).ConfigureAwait(false) is [var only] ? only.Version : null;

    private sealed record Sql(string Text, string TenantParameter, string IdParameter)
    {
        public static Sql Of(DbContext context, Type rowType, bool oneId)
        {
            var names = StoreNames.Of(context, rowType);
            var helper = names.Sql;
            var key = names.Column("Id");
            return new Sql(
                $"SELECT {key}, MAX({names.Column("Version")}) FROM {names.Table}"
                    + $" WHERE {names.Column("TenantId")} = {helper.GenerateParameterNamePlaceholder("tenant")}"
                    + (oneId ? $" AND {key} = {helper.GenerateParameterNamePlaceholder("id")}" : string.Empty)
                    + $" GROUP BY {key}",
                helper.GenerateParameterName("tenant"),
                helper.GenerateParameterName("id"));
        }
    }
}
