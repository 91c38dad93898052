using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Maps <see cref="DeviceRow"/> (设备质保档案表): key (tenant, serial number), dates as day numbers
/// (<see cref="LocalDateToDayNumberConverter"/>), the history as JSON text,
/// <see cref="DeviceRow.Version"/> as the concurrency token, and an index on (tenant, component code)
/// for the expiring-warranty query.
/// </summary>
public sealed class DeviceRowConfiguration : IEntityTypeConfiguration<DeviceRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public DeviceRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<DeviceRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        var date = new LocalDateToDayNumberConverter();
        builder.ToTable(options.DevicesTable, options.Schema);
        builder.HasKey(static d => new { d.TenantId, d.SerialNumber }).HasName($"pk_{p}devices");
        builder.Property(static d => d.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static d => d.SerialNumber).HasColumnName("serial_number").HasMaxLength(100);
        builder.Property(static d => d.ComponentCode).HasColumnName("component_code").HasMaxLength(100);
        builder.Property(static d => d.ComponentNameZh).HasColumnName("component_name_zh");
        builder.Property(static d => d.ComponentNameEn).HasColumnName("component_name_en");
        builder.Property(static d => d.AcceptedOn).HasColumnName("accepted_on").HasConversion(date);
        builder.Property(static d => d.HandedOverOn).HasColumnName("handed_over_on").HasConversion(date);
        builder.Property(static d => d.CompletedOn).HasColumnName("completed_on").HasConversion(date);
        builder.Property(static d => d.History).HasColumnName("history");
        builder.Property(static d => d.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Property(static d => d.WarrantyPolicyCode).HasColumnName("warranty_policy").HasMaxLength(100);
        builder.Property(static d => d.ContractId).HasColumnName("contract_id").HasMaxLength(100);
        builder.Property(static d => d.ServiceCentreId).HasColumnName("centre_id").HasMaxLength(100);
        builder.Property(static d => d.Model).HasColumnName("model").HasMaxLength(100);
        builder.Property(static d => d.Grade).HasColumnName("grade");
        builder.HasIndex(static d => new { d.TenantId, d.ComponentCode }).HasDatabaseName($"ix_{p}devices_tenant_component");
    }
}
