using AfterSales;
using AfterSales.Calendars;
using AfterSales.Entitlements;
using AfterSales.Entitlements.Quotes;
using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using AfterSales.Events;
using AfterSales.Quality;
using AfterSales.Quality.Complaints;
using AfterSales.Quality.Inspections;
using AfterSales.Quality.Reporting;
using AfterSales.Quality.Terms;
using AfterSales.WorkOrders;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers AfterSales.Kit in a host's service collection (售后服务注册).</summary>
public static class AfterSalesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the work-order use cases (<see cref="TicketService"/>), an in-memory
    /// <see cref="ISlaPolicyCatalog"/> of <see cref="AfterSalesOptions.Policies"/>, an
    /// <see cref="InMemoryCalendarCatalog"/> (<see cref="ICalendarCatalog"/>, <see cref="ICalendarAdoptions"/>)
    /// over <see cref="AfterSalesOptions.Calendars"/> and an <see cref="InMemoryTicketStore"/>, plus in-memory stores of the other aggregates
    /// (<see cref="InMemoryStockLedgerStore"/>, <see cref="InMemoryComplaintStore"/>,
    /// <see cref="InMemoryDeviceRegistry"/>, <see cref="InMemoryQualityRecordStore"/>,
    /// <see cref="InMemoryInspectionStore"/>, <see cref="InMemoryQualityTermsCatalog"/>, <see cref="AfterSales.People.InMemoryEngineerStore"/>), the quality
    /// use cases (<see cref="QualityService"/>) over an <see cref="InMemoryQualitySnapshotSource"/>, and the event log
    /// (<see cref="InMemoryEventLog"/> as <see cref="IEventFeed"/> and <see cref="IWebhookStore"/>; the ticket store as
    /// <see cref="IDeadlineQueue"/>), all as singletons with <c>TryAdd</c>: a store or catalog the host (or an adapter) registered first is kept.
    /// </summary>
    /// <remarks>
    /// <para><b>Calling it twice is harmless.</b> Every call configures the same
    /// <see cref="AfterSalesOptions"/> instance (so the second call's policies are added to the
    /// first's) and registers nothing twice.</para>
    /// <para><b>The clock.</b> The host must register a <c>NodaTime.IClock</c>, e.g.
    /// <c>services.AddSingleton&lt;IClock&gt;(SystemClock.Instance)</c>; the library never reads the
    /// system clock itself, so tests and replays control time. Resolving the service without one
    /// throws an <see cref="InvalidOperationException"/> that says so.</para>
    /// </remarks>
    /// <param name="services">The host's services.</param>
    /// <param name="configure">Sets the options; may be <see langword="null"/>.</param>
    /// <returns>A builder for adapters.</returns>
    /// <exception cref="InvalidOperationException">The options are invalid; the message names the option.</exception>
    public static AfterSalesBuilder AddAfterSales(this IServiceCollection services, Action<AfterSalesOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.FirstOrDefault(static d => d.ServiceType == typeof(AfterSalesOptions))?.ImplementationInstance as AfterSalesOptions;
        if (options is null)
        {
            options = new AfterSalesOptions();
            services.AddSingleton(options);
        }

        configure?.Invoke(options);
        options.Validate();

        services.TryAddSingleton<ISlaPolicyCatalog>(static sp => new InMemorySlaPolicyCatalog(sp.GetRequiredService<AfterSalesOptions>().Policies.Distinct()));
        services.TryAddSingleton(static sp => new InMemoryCalendarCatalog(sp.GetRequiredService<AfterSalesOptions>().Calendars.Distinct(), RequireClock(sp)));
        services.TryAddSingleton<ICalendarCatalog>(static sp => sp.GetRequiredService<InMemoryCalendarCatalog>());
        services.TryAddSingleton<ICalendarAdoptions>(static sp => sp.GetRequiredService<InMemoryCalendarCatalog>());
        services.TryAddSingleton(static sp => new SlaTermsResolver(sp.GetRequiredService<ISlaPolicyCatalog>(), sp.GetRequiredService<ICalendarCatalog>()));
        services.TryAddSingleton<InMemoryEventLog>();
        services.TryAddSingleton<IEventFeed>(static sp => sp.GetRequiredService<InMemoryEventLog>());
        services.TryAddSingleton<IWebhookStore>(static sp => sp.GetRequiredService<InMemoryEventLog>());
        services.TryAddSingleton<ITicketStore>(static sp => new InMemoryTicketStore(
            sp.GetRequiredService<SlaTermsResolver>(), RequireClock(sp), sp.GetRequiredService<InMemoryEventLog>(), sp.GetService<IEventFormatter>(), sp.GetService<EventSignals>()));
        services.TryAddSingleton<IDeadlineQueue>(static sp => sp.GetRequiredService<ITicketStore>() as IDeadlineQueue
            ?? throw new InvalidOperationException("The registered ITicketStore is not an IDeadlineQueue; register one for the deadline watcher."));
        services.TryAddSingleton(static sp => new CalendarAdoptionRunner(
            sp.GetRequiredService<ITicketStore>(), sp.GetRequiredService<ICalendarCatalog>(), sp.GetRequiredService<ICalendarAdoptions>(), RequireClock(sp)));
        services.TryAddSingleton<IStockLedgerStore>(static sp => new InMemoryStockLedgerStore(sp.GetService<InMemoryEventLog>(), sp.GetService<IEventFormatter>(), sp.GetService<EventSignals>())
        {
            StockTarget = sp.GetRequiredService<AfterSalesOptions>().StockTarget,
            Devices = sp.GetService<IDeviceRegistry>() as InMemoryDeviceRegistry,
        });
        services.TryAddSingleton<IComplaintStore, InMemoryComplaintStore>();
        services.TryAddSingleton<IDeviceRegistry, InMemoryDeviceRegistry>();
        services.TryAddSingleton<IPriceListCatalog, InMemoryPriceListCatalog>();
        services.TryAddSingleton<IReplenishmentStore>(static sp => new InMemoryReplenishmentStore(
            sp.GetRequiredService<IStockLedgerStore>() as InMemoryStockLedgerStore
                ?? throw new InvalidOperationException("The in-memory replenishment store reads the in-memory stock ledgers; register an IReplenishmentStore with your own IStockLedgerStore."),
            sp.GetRequiredService<IDeviceRegistry>() as InMemoryDeviceRegistry
                ?? throw new InvalidOperationException("The in-memory replenishment store reads the in-memory device registry; register an IReplenishmentStore with your own IDeviceRegistry."),
            sp.GetService<InMemoryEventLog>(), sp.GetService<IEventFormatter>(), sp.GetService<EventSignals>()));
        services.TryAddSingleton(static sp => new SparesService(sp.GetRequiredService<IReplenishmentStore>(), RequireClock(sp)));

        // The repair history is read from the tickets: the ticket store is the log when it can be.
        services.TryAddSingleton<IDeviceRepairLog>(static sp => sp.GetRequiredService<ITicketStore>() as IDeviceRepairLog ?? NoDeviceRepairs.Instance);
        services.TryAddSingleton(static sp => new WarrantyPolicyCatalog(
            WarrantyPresets.All.Concat(sp.GetRequiredService<AfterSalesOptions>().WarrantyPolicies)));
        services.TryAddSingleton(static sp => new EntitlementService(
            sp.GetRequiredService<IDeviceRegistry>(),
            sp.GetRequiredService<WarrantyPolicyCatalog>(),
            sp.GetRequiredService<AfterSalesOptions>().DefaultWarrantyPolicyCode));
        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<AfterSalesOptions>();
            return new TicketService(
                sp.GetRequiredService<ITicketStore>(),
                sp.GetRequiredService<SlaTermsResolver>(),
                RequireClock(sp),
                new TicketServiceOptions
                {
                    DefaultPolicyId = options.DefaultPolicyId,
                    MaxBackdating = options.MaxBackdating,
                    Entitlements = options.CheckEntitlementAtReport ? sp.GetRequiredService<EntitlementService>() : null,
                    PriceLists = sp.GetRequiredService<IPriceListCatalog>(),
                    RepairLog = sp.GetRequiredService<IDeviceRepairLog>(),
                    StockLedgers = sp.GetRequiredService<IStockLedgerStore>(),
                    Engineers = sp.GetRequiredService<AfterSales.People.IEngineerStore>(),
                });
        });
        services.TryAddSingleton<IQualityRecordStore, InMemoryQualityRecordStore>();
        services.TryAddSingleton<IInspectionStore, InMemoryInspectionStore>();
        services.TryAddSingleton<AfterSales.People.IEngineerStore, AfterSales.People.InMemoryEngineerStore>();
        services.TryAddSingleton<IQualityTermsCatalog, InMemoryQualityTermsCatalog>();
        services.TryAddSingleton<IQualitySnapshotSource>(static sp => InMemorySnapshots(sp));
        services.TryAddSingleton(QualityServiceOptions.Default);
        services.TryAddSingleton(static sp => new QualityService(
            sp.GetRequiredService<IQualitySnapshotSource>(),
            sp.GetRequiredService<IQualityTermsCatalog>(),
            sp.GetRequiredService<IInspectionStore>(),
            sp.GetRequiredService<IDeviceRegistry>(),
            RequireClock(sp),
            sp.GetRequiredService<QualityServiceOptions>()));
        return new AfterSalesBuilder(services, options);
    }

    private static InMemoryQualitySnapshotSource InMemorySnapshots(IServiceProvider sp) =>
        sp.GetRequiredService<ITicketStore>() is InMemoryTicketStore tickets
        && sp.GetRequiredService<IQualityRecordStore>() is InMemoryQualityRecordStore records
        && sp.GetRequiredService<IDeviceRegistry>() is InMemoryDeviceRegistry devices
        && sp.GetRequiredService<IComplaintStore>() is InMemoryComplaintStore complaints
            ? new InMemoryQualitySnapshotSource(tickets, records, devices, complaints)
            : throw new InvalidOperationException(
                "The quality reports read one snapshot of the stores, and the in-memory snapshot needs the in-memory stores. "
                + "With other stores register their IQualitySnapshotSource, e.g. .UseEntityFrameworkCore<TContext>() does.");

    private static NodaTime.IClock RequireClock(IServiceProvider services) =>
        services.GetService<NodaTime.IClock>()
        ?? throw new InvalidOperationException(
            "AfterSales needs a NodaTime.IClock, and none is registered. Register one in the host, e.g. "
            + "services.AddSingleton<IClock>(SystemClock.Instance); the library never reads the system clock itself.");
}
