using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Maps <see cref="ComplaintRow"/> (投诉表): key (tenant, id), the status by name, instants as Unix
/// nanoseconds, <see cref="ComplaintRow.Version"/> as the concurrency token, and an index on
/// (tenant, status) for the open-complaints query.
/// </summary>
public sealed class ComplaintRowConfiguration : IEntityTypeConfiguration<ComplaintRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public ComplaintRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<ComplaintRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        var instant = new InstantToUnixNanosecondsConverter();
        builder.ToTable(options.ComplaintsTable, options.Schema);
        builder.HasKey(static c => new { c.TenantId, c.Id }).HasName($"pk_{p}complaints");
        builder.Property(static c => c.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static c => c.Id).HasColumnName("id").HasMaxLength(100);
        builder.Property(static c => c.WorkOrderId).HasColumnName("work_order_id");
        builder.Property(static c => c.EngineerId).HasColumnName("engineer_id");
        builder.Property(static c => c.FiledAt).HasColumnName("filed_at").HasConversion(instant);
        builder.Property(static c => c.Summary).HasColumnName("summary");
        builder.Property(static c => c.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(32);
        builder.Property(static c => c.FirstRepliedAt).HasColumnName("first_replied_at").HasConversion(instant);
        builder.Property(static c => c.VerifiedAt).HasColumnName("verified_at").HasConversion(instant);
        builder.Property(static c => c.EngineerResponsible).HasColumnName("engineer_responsible");
        builder.Property(static c => c.FormallyAnsweredAt).HasColumnName("formally_answered_at").HasConversion(instant);
        builder.Property(static c => c.SolvedAt).HasColumnName("solved_at").HasConversion(instant);
        builder.Property(static c => c.VerdictAt).HasColumnName("verdict_at").HasConversion(instant);
        builder.Property(static c => c.CustomerSatisfied).HasColumnName("customer_satisfied");
        builder.Property(static c => c.ClosedAt).HasColumnName("closed_at").HasConversion(instant);
        builder.Property(static c => c.Version).HasColumnName("version").IsConcurrencyToken();
        builder.HasIndex(static c => new { c.TenantId, c.Status }).HasDatabaseName($"ix_{p}complaints_tenant_status");
    }
}
