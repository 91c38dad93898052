using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Maps <see cref="TicketRow"/> (工单表): key (tenant, id), enums by name, instants as Unix
/// nanoseconds, <see cref="TicketRow.Version"/> as the concurrency token, and the due-work indexes
/// on the next deadline (with and without the tenant).
/// </summary>
public sealed class TicketRowConfiguration : IEntityTypeConfiguration<TicketRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public TicketRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<TicketRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        var instant = new InstantToUnixNanosecondsConverter();
        builder.ToTable(options.TicketsTable, options.Schema);
        builder.HasKey(static t => new { t.TenantId, t.Id }).HasName($"pk_{p}tickets");
        builder.Property(static t => t.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static t => t.Id).HasColumnName("id").HasMaxLength(100);
        builder.Property(static t => t.State).HasColumnName("state").HasConversion<string>().HasMaxLength(32);
        builder.Property(static t => t.SeverityCode).HasColumnName("severity_code");
        builder.Property(static t => t.PolicyKey).HasColumnName("policy_key");
        builder.Property(static t => t.DeviceSerialNumber).HasColumnName("device_serial_number");
        builder.Property(static t => t.ReportedAt).HasColumnName("reported_at").HasConversion(instant);
        builder.Property(static t => t.LastEventAt).HasColumnName("last_event_at").HasConversion(instant);
        builder.Property(static t => t.AsOf).HasColumnName("as_of").HasConversion(instant);
        builder.Property(static t => t.NextDeadline).HasColumnName("next_deadline").HasConversion(instant);
        builder.Property(static t => t.IsLegacyIssue).HasColumnName("is_legacy_issue");
        builder.Property(static t => t.Version).HasColumnName("version").IsConcurrencyToken();
        builder.Property(static t => t.ClaimedBy).HasColumnName("claimed_by").HasMaxLength(200);
        builder.Property(static t => t.ClaimedUntil).HasColumnName("claimed_until").HasConversion(instant);
        builder.Property(static t => t.IsProvisional).HasColumnName("is_provisional").HasDefaultValue(false);

        // ListDueBeforeAsync (per tenant) and ClaimDueAsync (all tenants) range-scan these.
        builder.HasIndex(static t => new { t.TenantId, t.NextDeadline }).HasDatabaseName($"ix_{p}tickets_tenant_next_deadline");
        builder.HasIndex(static t => t.NextDeadline).HasDatabaseName($"ix_{p}tickets_next_deadline");

        // A device's work orders (R-WO-10): GET /devices/{serial}/tickets and its repair history.
        builder.HasIndex(static t => new { t.TenantId, t.DeviceSerialNumber }).HasDatabaseName($"ix_{p}tickets_tenant_device");
    }
}
