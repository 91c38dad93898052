using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>Maps <see cref="PriceListRow"/> (投标报价单表): key (tenant, id, version), the document as text, the instant as Unix nanoseconds.</summary>
public sealed class PriceListRowConfiguration : IEntityTypeConfiguration<PriceListRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public PriceListRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<PriceListRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable(options.PriceListsTable, options.Schema);
        builder.HasKey(static l => new { l.TenantId, l.Id, l.Version }).HasName($"pk_{options.TablePrefix}price_lists");
        builder.Property(static l => l.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static l => l.Id).HasColumnName("id").HasMaxLength(100);
        builder.Property(static l => l.Version).HasColumnName("version").ValueGeneratedNever();
        builder.Property(static l => l.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(static l => l.Document).HasColumnName("document");
        builder.Property(static l => l.SavedAt).HasColumnName("saved_at").HasConversion(new InstantToUnixNanosecondsConverter());
    }
}
