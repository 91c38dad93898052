using AfterSales.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>The delimited table and column names of the ticket row as the context's model maps them (schema, prefix).</summary>
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
        Tickets = sql.DelimitIdentifier(table.Name, table.Schema);
    }

    public string Tickets { get; }

    public static StoreNames Of(DbContext context)
    {
        var entityType = context.Model.FindEntityType(typeof(TicketRow))
            ?? throw new InvalidOperationException(
                $"The context {context.GetType().Name} does not map AfterSales.Kit's tables; call modelBuilder.ApplyAfterSalesConfiguration() in its OnModelCreating.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        return new StoreNames(entityType, table, context.GetService<ISqlGenerationHelper>());
    }

    public string Column(string property) => sql.DelimitIdentifier(entityType.FindProperty(property)!.GetColumnName(table)!);
}
