using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>Raw commands on a context's own connection and transaction, for the stores' hot paths.</summary>
internal static class DbCommands
{
    public const string PostgreSqlProvider = "Npgsql.EntityFrameworkCore.PostgreSQL";
    public const string SqliteProvider = "Microsoft.EntityFrameworkCore.Sqlite";

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
