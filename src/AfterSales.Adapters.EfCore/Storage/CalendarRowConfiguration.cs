using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Maps <see cref="CalendarRow"/> (日历版本表): key (tenant, id, version), instants as Unix nanoseconds,
/// the document as text.
/// </summary>
public sealed class CalendarRowConfiguration : IEntityTypeConfiguration<CalendarRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public CalendarRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<CalendarRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        var instant = new InstantToUnixNanosecondsConverter();
        builder.ToTable(options.CalendarsTable, options.Schema);
        builder.HasKey(static c => new { c.TenantId, c.Id, c.Version }).HasName($"pk_{p}calendars");
        builder.Property(static c => c.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static c => c.Id).HasColumnName("id").HasMaxLength(100);
        builder.Property(static c => c.Version).HasColumnName("version");
        builder.Property(static c => c.Name).HasColumnName("name");
        builder.Property(static c => c.Document).HasColumnName("document");
        builder.Property(static c => c.SavedAt).HasColumnName("saved_at").HasConversion(instant);
        builder.Property(static c => c.AdoptionCursor).HasColumnName("adoption_cursor").HasMaxLength(100);
        builder.Property(static c => c.AdoptedCount).HasColumnName("adopted_count");
        builder.Property(static c => c.AdoptionCompletedAt).HasColumnName("adoption_completed_at").HasConversion(instant);
    }
}
