using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Maps <see cref="StockMovementRow"/> (备件出入库记录表): key (tenant, centre, part, version) — the
/// unique index that makes two writers appending the same version impossible — the kind by name and
/// the instant as Unix nanoseconds.
/// </summary>
public sealed class StockMovementRowConfiguration : IEntityTypeConfiguration<StockMovementRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public StockMovementRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StockMovementRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable(options.StockMovementsTable, options.Schema);
        builder.HasKey(static m => new { m.TenantId, m.CentreId, m.PartNumber, m.Version }).HasName($"pk_{options.TablePrefix}stock_movements");
        builder.Property(static m => m.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static m => m.CentreId).HasColumnName("centre_id").HasMaxLength(100);
        builder.Property(static m => m.PartNumber).HasColumnName("part_number").HasMaxLength(100);
        builder.Property(static m => m.Version).HasColumnName("version").ValueGeneratedNever();
        builder.Property(static m => m.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(32);
        builder.Property(static m => m.Quantity).HasColumnName("quantity");
        builder.Property(static m => m.By).HasColumnName("recorded_by");
        builder.Property(static m => m.At).HasColumnName("at").HasConversion(new InstantToUnixNanosecondsConverter());
        builder.Property(static m => m.WorkOrderId).HasColumnName("work_order_id");
        builder.Property(static m => m.Note).HasColumnName("note");

        // The replenishment run's stock as of a month's end: the tenant's movements since then.
        builder.HasIndex(static m => new { m.TenantId, m.At }).HasDatabaseName($"ix_{options.TablePrefix}stock_movements_tenant_at");
    }
}
