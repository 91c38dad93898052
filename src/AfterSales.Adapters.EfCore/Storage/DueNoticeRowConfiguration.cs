using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>Maps <see cref="DueNoticeRow"/> (到期通知表): key (tenant, type, subject), the watcher's index on the due instant.</summary>
public sealed class DueNoticeRowConfiguration : IEntityTypeConfiguration<DueNoticeRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public DueNoticeRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<DueNoticeRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        var instant = new InstantToUnixNanosecondsConverter();
        builder.ToTable(options.DueNoticesTable, options.Schema);
        builder.HasKey(static n => new { n.TenantId, n.Type, n.Subject }).HasName($"pk_{p}due_notices");
        builder.Property(static n => n.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static n => n.Type).HasColumnName("type").HasMaxLength(200);
        builder.Property(static n => n.Subject).HasColumnName("subject");
        builder.Property(static n => n.DueAt).HasColumnName("due_at").HasConversion(instant);
        builder.Property(static n => n.EventId).HasColumnName("event_id").HasMaxLength(64);
        builder.Property(static n => n.Payload).HasColumnName("payload");
        builder.Property(static n => n.ClaimedBy).HasColumnName("claimed_by").HasMaxLength(200);
        builder.Property(static n => n.ClaimedUntil).HasColumnName("claimed_until").HasConversion(instant);
        builder.HasIndex(static n => n.DueAt).HasDatabaseName($"ix_{p}due_notices_due_at");
    }
}
