using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Maps the quality records kept against work orders (工单质量记录表, schema 0008): surveys keyed by
/// (tenant, work order), callbacks and shipments by (tenant, id) with an index per work order and
/// per day for the report's range reads; days as day numbers, instants as Unix nanoseconds.
/// </summary>
public sealed class QualityRecordConfigurations :
    IEntityTypeConfiguration<QualitySurveyRow>,
    IEntityTypeConfiguration<QualityCallbackRow>,
    IEntityTypeConfiguration<QualityShipmentRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configurations.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public QualityRecordConfigurations(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<QualitySurveyRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.QualitySurveysTable, options.Schema);
        builder.HasKey(static s => new { s.TenantId, s.WorkOrderId }).HasName($"pk_{p}quality_surveys");
        builder.Property(static s => s.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static s => s.WorkOrderId).HasColumnName("work_order_id").HasMaxLength(100);
        builder.Property(static s => s.AnsweredOn).HasColumnName("answered_on").HasConversion(new LocalDateToDayNumberConverter());
        builder.Property(static s => s.Skill).HasColumnName("skill");
        builder.Property(static s => s.Attitude).HasColumnName("attitude");
        builder.Property(static s => s.Timeliness).HasColumnName("timeliness");
        builder.Property(static s => s.Suggestions).HasColumnName("suggestions");
        builder.HasIndex(static s => new { s.TenantId, s.AnsweredOn }).HasDatabaseName($"ix_{p}quality_surveys_tenant_answered_on");
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<QualityCallbackRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.QualityCallbacksTable, options.Schema);
        builder.HasKey(static c => new { c.TenantId, c.Id }).HasName($"pk_{p}quality_callbacks");
        builder.Property(static c => c.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static c => c.Id).HasColumnName("id").HasMaxLength(100);
        builder.Property(static c => c.WorkOrderId).HasColumnName("work_order_id").HasMaxLength(100);
        builder.Property(static c => c.CalledAt).HasColumnName("called_at").HasConversion(new InstantToUnixNanosecondsConverter());
        builder.Property(static c => c.CalledBy).HasColumnName("called_by");
        builder.Property(static c => c.Reached).HasColumnName("reached");
        builder.Property(static c => c.Note).HasColumnName("note");
        builder.HasIndex(static c => new { c.TenantId, c.WorkOrderId }).HasDatabaseName($"ix_{p}quality_callbacks_tenant_work_order");
        builder.HasIndex(static c => new { c.TenantId, c.CalledAt }).HasDatabaseName($"ix_{p}quality_callbacks_tenant_called_at");
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<QualityShipmentRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.QualityShipmentsTable, options.Schema);
        builder.HasKey(static s => new { s.TenantId, s.Id }).HasName($"pk_{p}quality_shipments");
        builder.Property(static s => s.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static s => s.Id).HasColumnName("id").HasMaxLength(100);
        builder.Property(static s => s.WorkOrderId).HasColumnName("work_order_id").HasMaxLength(100);
        builder.Property(static s => s.ShippedOn).HasColumnName("shipped_on").HasConversion(new LocalDateToDayNumberConverter());
        builder.Property(static s => s.OrderedPartNumber).HasColumnName("ordered_part_number");
        builder.Property(static s => s.OrderedQuantity).HasColumnName("ordered_quantity");
        builder.Property(static s => s.ShippedPartNumber).HasColumnName("shipped_part_number");
        builder.Property(static s => s.ShippedQuantity).HasColumnName("shipped_quantity");
        builder.HasIndex(static s => new { s.TenantId, s.WorkOrderId }).HasDatabaseName($"ix_{p}quality_shipments_tenant_work_order");
        builder.HasIndex(static s => new { s.TenantId, s.ShippedOn }).HasDatabaseName($"ix_{p}quality_shipments_tenant_shipped_on");
    }
}
