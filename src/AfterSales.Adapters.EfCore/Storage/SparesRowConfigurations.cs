using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>Maps <see cref="StockPositionRow"/> (备件库存与装机量表): key (tenant, centre, part).</summary>
public sealed class StockPositionRowConfiguration(AfterSalesModelOptions options) : IEntityTypeConfiguration<StockPositionRow>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<StockPositionRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options.Validate();
        builder.ToTable(options.StockPositionsTable, options.Schema);
        builder.HasKey(static b => new { b.TenantId, b.CentreId, b.PartNumber }).HasName($"pk_{options.TablePrefix}stock_positions");
        builder.Property(static b => b.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static b => b.CentreId).HasColumnName("centre_id").HasMaxLength(100);
        builder.Property(static b => b.PartNumber).HasColumnName("part_number").HasMaxLength(100);
        builder.Property(static b => b.OnHand).HasColumnName("on_hand");
        builder.Property(static b => b.Version).HasColumnName("version");
        builder.Property(static b => b.InstalledBase).HasColumnName("installed_base");
    }
}

/// <summary>Maps <see cref="ReplenishmentRunRow"/> (备件月度补充表): key (tenant, month, centre), the instant as Unix nanoseconds.</summary>
public sealed class ReplenishmentRunRowConfiguration(AfterSalesModelOptions options) : IEntityTypeConfiguration<ReplenishmentRunRow>
{
    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ReplenishmentRunRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        options.Validate();
        builder.ToTable(options.ReplenishmentRunsTable, options.Schema);
        builder.HasKey(static r => new { r.TenantId, r.Month, r.CentreId }).HasName($"pk_{options.TablePrefix}replenishment_runs");
        builder.Property(static r => r.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static r => r.Month).HasColumnName("month").ValueGeneratedNever();
        builder.Property(static r => r.CentreId).HasColumnName("centre_id").HasMaxLength(100);
        builder.Property(static r => r.RanAt).HasColumnName("ran_at").HasConversion(new InstantToUnixNanosecondsConverter());
        builder.Property(static r => r.CellsChecked).HasColumnName("cells_checked");
        builder.Property(static r => r.OrderCount).HasColumnName("order_count");
        builder.Property(static r => r.TotalUnits).HasColumnName("total_units");
        builder.Property(static r => r.Orders).HasColumnName("orders");
    }
}
