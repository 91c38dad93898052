using AfterSales.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>The delimited table and column names of a row type as the context's model maps them (schema, prefix).</summary>
internal sealed class StoreNames
{
    private readonly IEntityType entityType;
    private readonly StoreObjectIdentifier table;
    private readonly ISqlGenerationHelper sql;

    private StoreNames(IEntityType entityType, StoreObjectIdentifier table, ISqlGenerationHelper sql)
    {
        this.entityType = entityType;
        this.table = table;
        this.sql = sql;
        Table = sql.DelimitIdentifier(table.Name, table.Schema);
    }

    public string Table { get; }

    /// <summary>The SQL generation helper of the context's provider (parameter placeholders).</summary>
    public ISqlGenerationHelper Sql => sql;

    public static StoreNames Of(DbContext context) => Of(context, typeof(TicketRow));

    public static StoreNames Of(DbContext context, Type rowType)
    {
        var entityType = context.Model.FindEntityType(rowType)
            ?? throw new InvalidOperationException(
                $"The context {context.GetType().Name} does not map AfterSales.Kit's tables; call modelBuilder.ApplyAfterSalesConfiguration() in its OnModelCreating.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        return new StoreNames(entityType, table, context.GetService<ISqlGenerationHelper>());
    }

    public string Column(string property) => sql.DelimitIdentifier(entityType.FindProperty(property)!.GetColumnName(table)!);
}
