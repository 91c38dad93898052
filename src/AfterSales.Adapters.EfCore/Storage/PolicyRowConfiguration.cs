using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>Maps <see cref="PolicyRow"/> (服务级别协议版本表): key (tenant, id, version), instants as Unix nanoseconds, the document as text.</summary>
public sealed class PolicyRowConfiguration : IEntityTypeConfiguration<PolicyRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public PolicyRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<PolicyRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.PoliciesTable, options.Schema);
        builder.HasKey(static c => new { c.TenantId, c.Id, c.Version }).HasName($"pk_{p}sla_policies");
        builder.Property(static c => c.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static c => c.Id).HasColumnName("id").HasMaxLength(100);
        builder.Property(static c => c.Version).HasColumnName("version");
        builder.Property(static c => c.Name).HasColumnName("name");
        builder.Property(static c => c.Document).HasColumnName("document");
        builder.Property(static c => c.Calendars).HasColumnName("calendars");
        builder.Property(static c => c.SavedAt).HasColumnName("saved_at").HasConversion(new InstantToUnixNanosecondsConverter());
    }
}
