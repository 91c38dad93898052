using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Maps the quality rows kept as JSON documents (schema 0008): inspection plans (巡检计划) by (tenant,
/// code) with a version token; inspection records (巡检记录) by (tenant, id), indexed by subject; the
/// quality terms' versions (质量考核条款) by (tenant, version).
/// </summary>
public sealed class QualityDocumentConfigurations :
    IEntityTypeConfiguration<InspectionPlanRow>,
    IEntityTypeConfiguration<InspectionRecordRow>,
    IEntityTypeConfiguration<QualityTermsRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configurations.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public QualityDocumentConfigurations(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<InspectionPlanRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.InspectionPlansTable, options.Schema);
        builder.HasKey(static r => new { r.TenantId, r.Code }).HasName($"pk_{p}inspection_plans");
        builder.Property(static r => r.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static r => r.Code).HasColumnName("code").HasMaxLength(100);
        builder.Property(static r => r.Document).HasColumnName("document");
        builder.Property(static r => r.Version).HasColumnName("version").IsConcurrencyToken();
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<InspectionRecordRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.InspectionRecordsTable, options.Schema);
        builder.HasKey(static r => new { r.TenantId, r.Id }).HasName($"pk_{p}inspection_records");
        builder.Property(static r => r.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static r => r.Id).HasColumnName("id").HasMaxLength(100);
        builder.Property(static r => r.SubjectKind).HasColumnName("subject_kind").HasMaxLength(16);
        builder.Property(static r => r.SubjectId).HasColumnName("subject_id").HasMaxLength(100);
        builder.Property(static r => r.InspectedOn).HasColumnName("inspected_on").HasConversion(new LocalDateToDayNumberConverter());
        builder.Property(static r => r.Document).HasColumnName("document");
        builder.HasIndex(static r => new { r.TenantId, r.SubjectKind, r.SubjectId }).HasDatabaseName($"ix_{p}inspection_records_tenant_subject");
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<QualityTermsRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.QualityTermsTable, options.Schema);
        builder.HasKey(static r => new { r.TenantId, r.Version }).HasName($"pk_{p}quality_terms");
        builder.Property(static r => r.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static r => r.Version).HasColumnName("version");
        builder.Property(static r => r.AdoptedAt).HasColumnName("adopted_at").HasConversion(new InstantToUnixNanosecondsConverter());
        builder.Property(static r => r.Document).HasColumnName("document");
    }
}
