using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Maps the people rows (schema 0010, R-ORG-1/2): engineers (工程师) by (tenant, id) with a version token,
/// indexed by (tenant, centre, id); duty rotas (值班表) by (tenant, centre) with a version token; the
/// dispatches (派工记录) by (tenant, engineer, ticket, version), the index of an engineer's tickets.
/// </summary>
public sealed class PeopleRowConfigurations :
    IEntityTypeConfiguration<EngineerRow>,
    IEntityTypeConfiguration<DutyRotaRow>,
    IEntityTypeConfiguration<EngineerDispatchRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configurations.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public PeopleRowConfigurations(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<EngineerRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.EngineersTable, options.Schema);
        builder.HasKey(static r => new { r.TenantId, r.Id }).HasName($"pk_{p}engineers");
        builder.HasIndex(static r => new { r.TenantId, r.CentreId, r.Id }).HasDatabaseName($"ix_{p}engineers_centre");
        builder.Property(static r => r.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static r => r.Id).HasColumnName("id").HasMaxLength(100);
        builder.Property(static r => r.Name).HasColumnName("name").HasMaxLength(200);
        builder.Property(static r => r.CentreId).HasColumnName("centre_id").HasMaxLength(100);
        builder.Property(static r => r.Contact).HasColumnName("contact").HasMaxLength(200);
        builder.Property(static r => r.Skills).HasColumnName("skills");
        builder.Property(static r => r.Version).HasColumnName("version").IsConcurrencyToken();
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<DutyRotaRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.DutyRotasTable, options.Schema);
        builder.HasKey(static r => new { r.TenantId, r.CentreId }).HasName($"pk_{p}duty_rotas");
        builder.Property(static r => r.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static r => r.CentreId).HasColumnName("centre_id").HasMaxLength(100);
        builder.Property(static r => r.Zone).HasColumnName("zone").HasMaxLength(100);
        builder.Property(static r => r.Document).HasColumnName("document");
        builder.Property(static r => r.Version).HasColumnName("version").IsConcurrencyToken();
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<EngineerDispatchRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.EngineerDispatchesTable, options.Schema);
        builder.HasKey(static r => new { r.TenantId, r.EngineerId, r.TicketId, r.Version }).HasName($"pk_{p}engineer_dispatches");
        builder.Property(static r => r.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static r => r.EngineerId).HasColumnName("engineer_id").HasMaxLength(100);
        builder.Property(static r => r.TicketId).HasColumnName("ticket_id").HasMaxLength(100);
        builder.Property(static r => r.Version).HasColumnName("version").ValueGeneratedNever();
        builder.Property(static r => r.DispatchedAt).HasColumnName("dispatched_at").HasConversion(new InstantToUnixNanosecondsConverter());
    }
}
