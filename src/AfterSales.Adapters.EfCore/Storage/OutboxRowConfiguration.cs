using AfterSales.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>
/// Maps <see cref="OutboxRow"/> (发件箱表): key the sequence (identity), a unique index on the event id
/// (a fact is kept once), the feed's index (tenant, transaction, sequence) and the dispatcher's (state, sequence).
/// </summary>
public sealed class OutboxRowConfiguration : IEntityTypeConfiguration<OutboxRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public OutboxRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<OutboxRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.OutboxTable, options.Schema);
        builder.HasKey(static o => o.Sequence).HasName($"pk_{p}outbox");
        builder.Property(static o => o.Sequence).HasColumnName("sequence").ValueGeneratedOnAdd();
        builder.Property(static o => o.TransactionId).HasColumnName("transaction_id");
        builder.Property(static o => o.Id).HasColumnName("id").HasMaxLength(64).IsRequired();
        builder.Property(static o => o.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static o => o.Type).HasColumnName("type").HasMaxLength(200);
        builder.Property(static o => o.Subject).HasColumnName("subject");
        builder.Property(static o => o.OccurredAt).HasColumnName("occurred_at").HasConversion(new InstantToUnixNanosecondsConverter());
        builder.Property(static o => o.Payload).HasColumnName("payload");
        builder.Property(static o => o.State).HasColumnName("state").HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(static o => o.Id).IsUnique().HasDatabaseName($"ix_{p}outbox_id");
        builder.HasIndex(static o => new { o.TenantId, o.TransactionId, o.Sequence }).HasDatabaseName($"ix_{p}outbox_tenant_position");
        builder.HasIndex(static o => new { o.State, o.Sequence }).HasDatabaseName($"ix_{p}outbox_state");
    }
}

/// <summary>Maps <see cref="WebhookSubscriptionRow"/> (事件推送订阅表): key the id, an index on the tenant.</summary>
public sealed class WebhookSubscriptionRowConfiguration : IEntityTypeConfiguration<WebhookSubscriptionRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public WebhookSubscriptionRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<WebhookSubscriptionRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        builder.ToTable(options.WebhookSubscriptionsTable, options.Schema);
        builder.HasKey(static s => s.Id).HasName($"pk_{p}webhook_subscriptions");
        builder.Property(static s => s.Id).HasColumnName("id").HasMaxLength(100);
        builder.Property(static s => s.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static s => s.Url).HasColumnName("url");
        builder.Property(static s => s.Secret).HasColumnName("secret");
        builder.Property(static s => s.EventTypes).HasColumnName("event_types");
        builder.Property(static s => s.CreatedAt).HasColumnName("created_at").HasConversion(new InstantToUnixNanosecondsConverter());
        builder.HasIndex(static s => s.TenantId).HasDatabaseName($"ix_{p}webhook_subscriptions_tenant");
    }
}

/// <summary>
/// Maps <see cref="WebhookDeliveryRow"/> (事件推送记录表): key (subscription, event sequence), deleted
/// with its subscription, and the senders' index (state, subscription, event sequence).
/// </summary>
public sealed class WebhookDeliveryRowConfiguration : IEntityTypeConfiguration<WebhookDeliveryRow>
{
    private readonly AfterSalesModelOptions options;

    /// <summary>Creates the configuration.</summary>
    /// <param name="options">Schema and table prefix; validated here.</param>
    /// <exception cref="InvalidOperationException">The options are invalid.</exception>
    public WebhookDeliveryRowConfiguration(AfterSalesModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
    }

    /// <inheritdoc />
    public void Configure(EntityTypeBuilder<WebhookDeliveryRow> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var p = options.TablePrefix;
        var instant = new InstantToUnixNanosecondsConverter();
        builder.ToTable(options.WebhookDeliveriesTable, options.Schema);
        builder.HasKey(static d => new { d.SubscriptionId, d.EventSequence }).HasName($"pk_{p}webhook_deliveries");
        builder.Property(static d => d.SubscriptionId).HasColumnName("subscription_id").HasMaxLength(100);
        builder.Property(static d => d.EventSequence).HasColumnName("event_sequence").ValueGeneratedNever();
        builder.Property(static d => d.TenantId).HasColumnName("tenant_id").HasMaxLength(100);
        builder.Property(static d => d.EventId).HasColumnName("event_id").HasMaxLength(64);
        builder.Property(static d => d.EventType).HasColumnName("event_type").HasMaxLength(200);
        builder.Property(static d => d.OccurredAt).HasColumnName("occurred_at").HasConversion(instant);
        builder.Property(static d => d.State).HasColumnName("state").HasConversion<string>().HasMaxLength(32);
        builder.Property(static d => d.Attempts).HasColumnName("attempts");
        builder.Property(static d => d.LastStatusCode).HasColumnName("last_status_code");
        builder.Property(static d => d.LastError).HasColumnName("last_error");
        builder.Property(static d => d.LastAttemptAt).HasColumnName("last_attempt_at").HasConversion(instant);
        builder.Property(static d => d.DeliveredAt).HasColumnName("delivered_at").HasConversion(instant);
        builder.Property(static d => d.ClaimedBy).HasColumnName("claimed_by").HasMaxLength(200);
        builder.Property(static d => d.ClaimedUntil).HasColumnName("claimed_until").HasConversion(instant);
        builder.HasOne<WebhookSubscriptionRow>().WithMany().HasForeignKey(static d => d.SubscriptionId)
            .HasConstraintName($"fk_{p}webhook_deliveries_{p}webhook_subscriptions").OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(static d => new { d.State, d.SubscriptionId, d.EventSequence }).HasDatabaseName($"ix_{p}webhook_deliveries_state");
    }
}
