using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Maps <see cref="TicketEventRow"/> (工单事件表): key (tenant, ticket, version) — the unique index that
/// is the final guard against two writers appending the same version — a foreign key to the ticket
/// row, the kind by name, the instant as Unix nanoseconds and the payload as JSON text.
/// </summary>
public sealed class TicketEventRowConfiguration : IEntityTypeConfiguration<TicketEventRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public TicketEventRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<TicketEventRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.EventsTable, options.Schema);
        builder.HasKey(static e => new { e.TenantId, e.TicketId, e.Version }).HasName($"pk_{p}ticket_events");
        builder.Property(static e => e.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static e => e.TicketId).HasColumnName("ticket_id").HasMaxLength(100);
        builder.Property(static e => e.Version).HasColumnName("version").ValueGeneratedNever();
        builder.Property(static e => e.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(32);
        builder.Property(static e => e.At).HasColumnName("at").HasConversion(new InstantToUnixNanosecondsConverter());
        builder.Property(static e => e.Payload).HasColumnName("payload");
        builder.Property(static e => e.RecordedAt).HasColumnName("recorded_at").HasConversion(new InstantToUnixNanosecondsConverter());
        builder.Property(static e => e.ActorSubject).HasColumnName("actor_subject").HasMaxLength(200);
        builder.Property(static e => e.ActorName).HasColumnName("actor_name").HasMaxLength(200);
        builder.HasOne<TicketRow>()
            .WithMany()
            .HasForeignKey(static e => new { e.TenantId, e.TicketId })
            .HasConstraintName($"fk_{p}ticket_events_{p}tickets")
            .OnDelete(DeleteBehavior.Restrict);
    }
}
