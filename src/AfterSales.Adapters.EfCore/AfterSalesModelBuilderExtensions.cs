using AfterSales.EntityFrameworkCore;
using AfterSales.EntityFrameworkCore.Storage;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Maps AfterSales.Kit's tables into a host's own <see cref="DbContext"/> (映射售后表).</summary>
public static class AfterSalesModelBuilderExtensions
{
    /// <summary>
    /// Applies <see cref="TicketRowConfiguration"/>, <see cref="TicketEventRowConfiguration"/>,
    /// <see cref="StockMovementRowConfiguration"/>, <see cref="ComplaintRowConfiguration"/>,
    /// <see cref="DeviceRowConfiguration"/>, <see cref="CalendarRowConfiguration"/>, <see cref="PolicyRowConfiguration"/>, <see cref="IdempotencyKeyRowConfiguration"/>, <see cref="QualityRecordConfigurations"/>,
    /// <see cref="QualityDocumentConfigurations"/>, and the outbox and webhooks' <see cref="OutboxRowConfiguration"/>,
    /// <see cref="WebhookSubscriptionRowConfiguration"/>, <see cref="WebhookDeliveryRowConfiguration"/> and <see cref="DueNoticeRowConfiguration"/>: call it from the host's <c>OnModelCreating</c>. The stores then use the host's context through
    /// <c>Set&lt;T&gt;()</c>.
    /// </summary>
    /// <remarks>
    /// EF Core caches a context type's model, so options must be the same for every instance of
    /// that context type (e.g. constants), not per-instance values.
    /// </remarks>
    /// <param name="modelBuilder">The host's model builder.</param>
    /// <param name="configure">Sets the schema and table prefix; may be <see langword="null"/> for the defaults.</param>
    /// <returns><paramref name="modelBuilder"/>, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The options are invalid; the message names the option.</exception>
    public static ModelBuilder ApplyAfterSalesConfiguration(this ModelBuilder modelBuilder, Action<AfterSalesModelOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        var options = new AfterSalesModelOptions();
        configure?.Invoke(options);
        options.Validate();
        modelBuilder.ApplyConfiguration(new TicketRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new TicketEventRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new StockMovementRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new ComplaintRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new DeviceRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new CalendarRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new PriceListRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new StockPositionRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new ReplenishmentRunRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new PolicyRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new IdempotencyKeyRowConfiguration(options));
        var quality = new QualityRecordConfigurations(options);
        modelBuilder.ApplyConfiguration<QualitySurveyRow>(quality);
        modelBuilder.ApplyConfiguration<QualityCallbackRow>(quality);
        modelBuilder.ApplyConfiguration<QualityShipmentRow>(quality);
        var documents = new QualityDocumentConfigurations(options);
        modelBuilder.ApplyConfiguration<InspectionPlanRow>(documents);
        modelBuilder.ApplyConfiguration<InspectionRecordRow>(documents);
        modelBuilder.ApplyConfiguration<QualityTermsRow>(documents);
        var people = new PeopleRowConfigurations(options);
        modelBuilder.ApplyConfiguration<EngineerRow>(people);
        modelBuilder.ApplyConfiguration<DutyRotaRow>(people);
        modelBuilder.ApplyConfiguration<EngineerDispatchRow>(people);
        modelBuilder.ApplyConfiguration(new OutboxRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new WebhookSubscriptionRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new WebhookDeliveryRowConfiguration(options));
        modelBuilder.ApplyConfiguration(new DueNoticeRowConfiguration(options));
        return modelBuilder;
    }
}
