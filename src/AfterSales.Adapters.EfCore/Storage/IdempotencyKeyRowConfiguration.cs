using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Maps <see cref="IdempotencyKeyRow"/> (幂等键表): key (tenant, key) — the unique index that makes a
/// reservation atomic across nodes — instants as Unix nanoseconds, an index by tenant and age for
/// eviction and one by expiry for the sweep.
/// </summary>
public sealed class IdempotencyKeyRowConfiguration : IEntityTypeConfiguration<IdempotencyKeyRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public IdempotencyKeyRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<IdempotencyKeyRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        var instant = new InstantToUnixNanosecondsConverter();
        builder.ToTable(options.IdempotencyKeysTable, options.Schema);
        builder.HasKey(static k => new { k.TenantId, k.Key }).HasName($"pk_{p}idempotency_keys");
        builder.Property(static k => k.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static k => k.Key).HasColumnName("key").HasMaxLength(255);
        builder.Property(static k => k.Fingerprint).HasColumnName("fingerprint").HasMaxLength(64);
        builder.Property(static k => k.LeaseId).HasColumnName("lease_id").HasMaxLength(36);
        builder.Property(static k => k.LeaseUntil).HasColumnName("lease_until").HasConversion(instant);
        builder.Property(static k => k.CreatedAt).HasColumnName("created_at").HasConversion(instant);
        builder.Property(static k => k.ExpiresAt).HasColumnName("expires_at").HasConversion(instant);
        builder.Property(static k => k.StatusCode).HasColumnName("status_code");
        builder.Property(static k => k.Headers).HasColumnName("headers");
        builder.Property(static k => k.Body).HasColumnName("body");
        builder.Property(static k => k.OmittedBodyLength).HasColumnName("omitted_body_length");
        builder.Property(static k => k.Size).HasColumnName("size");
        builder.HasIndex(static k => new { k.TenantId, k.CreatedAt }).HasDatabaseName($"ix_{p}idempotency_keys_tenant_created");
        builder.HasIndex(static k => k.ExpiresAt).HasDatabaseName($"ix_{p}idempotency_keys_expires");
    }
}
