using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>Raw commands on a context's own connection and transaction, for the stores' hot paths.</summary>
internal static class DbCommands
{
    public const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

    // A model is built for one provider, so its provider's name is looked up once per model.
    private static readonly ConditionalWeakTable<IModel, string> Providers = [];

    /// <summary>
    /// The context's provider (<see cref="SqliteProvider"/>, <see cref="PostgreSqlProvider"/> …). EF Core's
    /// <c>Database.ProviderName</c> reads it from the provider assembly's name on every call, which showed in
    /// a report's CPU profile: every save asks several times.
    /// </summary>
    public static string ProviderOf(DbContext context)
    {
        var model = context.Model;
        if (!Providers.TryGetValue(model, out var name))
        {
            name = context.Database.ProviderName ?? string.Empty;
            Providers.TryAdd(model, name);
        }

        return name;
    }

    /// <summary>A command on the context's connection, enlisted in its current transaction (if any) and with its timeout.</summary>
    public static DbCommand Create(DatabaseFacade database, string text, IDbContextTransaction? transaction = null)
    {
        var command = database.GetDbConnection().CreateCommand();
        command.CommandText = text;
        command.Transaction = (transaction ?? database.CurrentTransaction)?.GetDbTransaction();
        if (database.GetCommandTimeout() is { } seconds)
        {
            command.CommandTimeout = seconds;
        }

        return command;
    }

    public static DbParameter AddParameter(this DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
