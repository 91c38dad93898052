using AfterSales;
using AfterSales.Calendars;
using AfterSales.Entitlements.Quotes;
using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using AfterSales.EntityFrameworkCore;
using AfterSales.EntityFrameworkCore.Deadlines;
using AfterSales.EntityFrameworkCore.Internal;
using AfterSales.Events;
using AfterSales.Idempotency;
using AfterSales.Quality.Complaints;
using AfterSales.Quality.Inspections;
using AfterSales.Quality.Reporting;
using AfterSales.Quality.Terms;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Stores AfterSales.Kit's data through EF Core (使用 EF Core 存储).</summary>
public static class AfterSalesBuilderEntityFrameworkCoreExtensions
{
    /// <summary>
    /// Replaces the in-memory <see cref="ITicketStore"/> with an <see cref="EfCoreTicketStore{TContext}"/>
    /// over the host's context, a singleton also resolvable as itself (for
    /// <see cref="EfCoreTicketStore{TContext}.ClaimDueAsync"/>), and the in-memory stores of the other
    /// aggregates with <see cref="EfCoreStockLedgerStore{TContext}"/> (<see cref="IStockLedgerStore"/>),
    /// <see cref="EfCoreComplaintStore{TContext}"/> (<see cref="IComplaintStore"/>) and
    /// <see cref="EfCoreDeviceRegistry{TContext}"/> (<see cref="IDeviceRegistry"/>), the in-memory calendar
    /// catalog with <see cref="EfCoreCalendarCatalog{TContext}"/> (<see cref="ICalendarCatalog"/>,
    /// <see cref="ICalendarAdoptions"/>) over the shared set of <see cref="AfterSalesOptions.Calendars"/>, any
    /// idempotency store with the durable <see cref="EfCoreIdempotencyStore{TContext}"/> (<see cref="IIdempotencyStore"/>,
    /// bounded by the registered <see cref="IdempotencyStoreOptions"/>), and the quality ports with
    /// <see cref="EfCoreQualityRecordStore{TContext}"/> (<see cref="IQualityRecordStore"/>),
    /// <see cref="EfCoreInspectionStore{TContext}"/> (<see cref="IInspectionStore"/>),
    /// <see cref="EfCoreEngineerStore{TContext}"/> (<see cref="AfterSales.People.IEngineerStore"/>),
    /// <see cref="EfCoreQualityTermsCatalog{TContext}"/> (<see cref="IQualityTermsCatalog"/>) and
    /// <see cref="EfCoreQualitySnapshotSource{TContext}"/> (<see cref="IQualitySnapshotSource"/>),
    /// and the policy catalog with <see cref="EfCoreSlaPolicyCatalog{TContext}"/> (<see cref="ISlaPolicyCatalog"/>) over the shared set of
    /// <see cref="AfterSalesOptions.Policies"/>. The context must map the tables
    /// (<c>modelBuilder.ApplyAfterSalesConfiguration()</c> or <see cref="AfterSalesDbContext"/>) and be
    /// registered by the host with <c>AddDbContextFactory</c> (used when present) or <c>AddDbContext</c>
    /// (then each call resolves it from a new scope).
    /// </summary>
    /// <remarks>
    /// <para>For events it also replaces the <see cref="IDeadlineQueue"/>s with two: the due notices' (events due at a
    /// future instant, such as <see cref="AfterSalesEventTypes.LoanerOverdue"/>) and the ticket store, registered last, the
    /// <see cref="IEventFeed"/> (<see cref="EfCoreEventFeed{TContext}"/>) and the <see cref="IWebhookStore"/>
    /// (<see cref="EfCoreWebhookStore{TContext}"/>); the stores write their events into the outbox when an
    /// <see cref="IEventFormatter"/> is registered (the HTTP adapter registers one), the stock saves checking their
    /// movements against <see cref="AfterSalesOptions.StockTarget"/> (R-SP-1).</para>
    /// <para>Calling it twice is harmless: each store is registered once and replaces any other.
    /// The schema is not created here; run <see cref="AfterSalesSchema.MigrateAsync"/> at start-up.</para></remarks>
    /// <typeparam name="TContext">The host's context.</typeparam>
    /// <param name="builder">The builder <c>AddAfterSales</c> returned.</param>
    /// <returns><paramref name="builder"/>, for chaining.</returns>
    public static AfterSalesBuilder UseEntityFrameworkCore<TContext>(this AfterSalesBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(static sp =>
        {
            var catalog = sp.GetRequiredService<SlaTermsResolver>();
            var clock = sp.GetService<NodaTime.IClock>()
                ?? throw new InvalidOperationException(
                    "AfterSales needs a NodaTime.IClock, and none is registered. Register one in the host, e.g. services.AddSingleton<IClock>(SystemClock.Instance).");
            var formatter = sp.GetService<IEventFormatter>();
            var signals = sp.GetService<EventSignals>();
            return sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreTicketStore<TContext>(factory, catalog, clock, formatter, signals) { StockTarget = StockTarget(sp) }
                : new EfCoreTicketStore<TContext>(sp.GetRequiredService<IServiceScopeFactory>(), catalog, clock, formatter, signals) { StockTarget = StockTarget(sp) };
        });
        services.Replace(ServiceDescriptor.Singleton<ITicketStore>(static sp => sp.GetRequiredService<EfCoreTicketStore<TContext>>()));

        // The watcher visits every queue: the due notices' (loaners' return-by …) and the work orders', registered
        // last so that a single IDeadlineQueue resolves to the ticket store as before.
        services.RemoveAll<IDeadlineQueue>();
        services.AddSingleton<IDeadlineQueue>(static sp =>
            new EfCoreDueNoticeQueue<TContext>(
                sp.GetService<IDbContextFactory<TContext>>() is { } factory
                    ? ContextSource<TContext>.From(factory)
                    : ContextSource<TContext>.From(sp.GetRequiredService<IServiceScopeFactory>()),
                sp.GetService<EventSignals>(),
                sp.GetService<IEventFormatter>(),
                [.. Successors(sp)]));
        services.AddSingleton<IDeadlineQueue>(static sp => sp.GetRequiredService<EfCoreTicketStore<TContext>>());
        services.Replace(ServiceDescriptor.Singleton<IEventFeed>(static sp =>
            sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreEventFeed<TContext>(factory)
                : new EfCoreEventFeed<TContext>(sp.GetRequiredService<IServiceScopeFactory>())));
        services.Replace(ServiceDescriptor.Singleton<IWebhookStore>(static sp =>
            sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreWebhookStore<TContext>(factory)
                : new EfCoreWebhookStore<TContext>(sp.GetRequiredService<IServiceScopeFactory>())));
        services.TryAddSingleton(static sp =>
        {
            var shared = sp.GetRequiredService<AfterSalesOptions>().Calendars.Distinct();
            var clock = sp.GetService<NodaTime.IClock>()
                ?? throw new InvalidOperationException(
                    "AfterSales needs a NodaTime.IClock, and none is registered. Register one in the host, e.g. services.AddSingleton<IClock>(SystemClock.Instance).");
            var refresh = sp.GetRequiredService<AfterSalesOptions>().CatalogRefreshInterval;
            return sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreCalendarCatalog<TContext>(factory, shared, clock) { RefreshInterval = refresh }
                : new EfCoreCalendarCatalog<TContext>(sp.GetRequiredService<IServiceScopeFactory>(), shared, clock) { RefreshInterval = refresh };
        });
        services.Replace(ServiceDescriptor.Singleton<ICalendarCatalog>(static sp => sp.GetRequiredService<EfCoreCalendarCatalog<TContext>>()));
        services.Replace(ServiceDescriptor.Singleton<ICalendarAdoptions>(static sp => sp.GetRequiredService<EfCoreCalendarCatalog<TContext>>()));
        services.TryAddSingleton(static sp =>
        {
            var shared = sp.GetRequiredService<AfterSalesOptions>().Policies.Distinct();
            var calendars = sp.GetRequiredService<ICalendarCatalog>();
            var clock = sp.GetService<NodaTime.IClock>()
                ?? throw new InvalidOperationException(
                    "AfterSales needs a NodaTime.IClock, and none is registered. Register one in the host, e.g. services.AddSingleton<IClock>(SystemClock.Instance).");
            var refresh = sp.GetRequiredService<AfterSalesOptions>().CatalogRefreshInterval;
            return sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreSlaPolicyCatalog<TContext>(factory, shared, calendars, clock) { RefreshInterval = refresh }
                : new EfCoreSlaPolicyCatalog<TContext>(sp.GetRequiredService<IServiceScopeFactory>(), shared, calendars, clock) { RefreshInterval = refresh };
        });
        services.Replace(ServiceDescriptor.Singleton<ISlaPolicyCatalog>(static sp => sp.GetRequiredService<EfCoreSlaPolicyCatalog<TContext>>()));
        services.Replace(ServiceDescriptor.Singleton<IStockLedgerStore>(static sp =>
            sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreStockLedgerStore<TContext>(factory, sp.GetService<IEventFormatter>(), sp.GetService<EventSignals>()) { StockTarget = StockTarget(sp) }
                : new EfCoreStockLedgerStore<TContext>(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetService<IEventFormatter>(), sp.GetService<EventSignals>()) { StockTarget = StockTarget(sp) }));
        services.Replace(ServiceDescriptor.Singleton<IComplaintStore>(static sp =>
            sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreComplaintStore<TContext>(factory, sp.GetService<IEventFormatter>(), sp.GetService<EventSignals>()) { EscalationNotices = EscalationNotices(sp) }
                : new EfCoreComplaintStore<TContext>(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetService<IEventFormatter>(), sp.GetService<EventSignals>()) { EscalationNotices = EscalationNotices(sp) }));
        services.Replace(ServiceDescriptor.Singleton<IReplenishmentStore>(static sp =>
            sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreReplenishmentStore<TContext>(factory, sp.GetService<IEventFormatter>(), sp.GetService<EventSignals>())
                : new EfCoreReplenishmentStore<TContext>(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetService<IEventFormatter>(), sp.GetService<EventSignals>())));
        services.Replace(ServiceDescriptor.Singleton<IPriceListCatalog>(static sp =>
            sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCorePriceListCatalog<TContext>(factory, RequireClock(sp))
                : new EfCorePriceListCatalog<TContext>(sp.GetRequiredService<IServiceScopeFactory>(), RequireClock(sp))));
        services.Replace(ServiceDescriptor.Singleton<IDeviceRegistry>(static sp =>
            sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreDeviceRegistry<TContext>(factory) { WarrantyNotices = WarrantyNotices(sp) }
                : new EfCoreDeviceRegistry<TContext>(sp.GetRequiredService<IServiceScopeFactory>()) { WarrantyNotices = WarrantyNotices(sp) }));
        services.Replace(ServiceDescriptor.Singleton<IIdempotencyStore>(static sp =>
        {
            var options = sp.GetService<IOptions<IdempotencyStoreOptions>>()?.Value ?? new IdempotencyStoreOptions();
            return sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreIdempotencyStore<TContext>(factory, options)
                : new EfCoreIdempotencyStore<TContext>(sp.GetRequiredService<IServiceScopeFactory>(), options);
        }));
        services.Replace(ServiceDescriptor.Singleton<IQualityRecordStore>(static sp =>
            sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreQualityRecordStore<TContext>(factory)
                : new EfCoreQualityRecordStore<TContext>(sp.GetRequiredService<IServiceScopeFactory>())));
        services.Replace(ServiceDescriptor.Singleton<IInspectionStore>(static sp =>
            sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreInspectionStore<TContext>(factory) { Notices = InspectionNotices(sp) }
                : new EfCoreInspectionStore<TContext>(sp.GetRequiredService<IServiceScopeFactory>()) { Notices = InspectionNotices(sp) }));
        services.Replace(ServiceDescriptor.Singleton<AfterSales.People.IEngineerStore>(static sp =>
            sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreEngineerStore<TContext>(factory)
                : new EfCoreEngineerStore<TContext>(sp.GetRequiredService<IServiceScopeFactory>())));
        services.Replace(ServiceDescriptor.Singleton<IQualityTermsCatalog>(static sp =>
            sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreQualityTermsCatalog<TContext>(factory)
                : new EfCoreQualityTermsCatalog<TContext>(sp.GetRequiredService<IServiceScopeFactory>())));
        services.Replace(ServiceDescriptor.Singleton<IQualitySnapshotSource>(static sp =>
        {
            var terms = sp.GetRequiredService<SlaTermsResolver>();
            var clock = sp.GetRequiredService<NodaTime.IClock>();
            return sp.GetService<IDbContextFactory<TContext>>() is { } factory
                ? new EfCoreQualitySnapshotSource<TContext>(factory, terms, clock)
                : new EfCoreQualitySnapshotSource<TContext>(sp.GetRequiredService<IServiceScopeFactory>(), terms, clock);
        }));
        return builder;
    }

    private static WarrantyNoticeSettings? WarrantyNotices(IServiceProvider sp) =>
        sp.GetService<IEventFormatter>() is { } formatter && sp.GetService<AfterSalesOptions>() is { WarrantyExpiringLead: { } lead } options
            ? new WarrantyNoticeSettings(sp.GetRequiredService<WarrantyPolicyCatalog>(), options.DefaultWarrantyPolicyCode, lead, RequireClock(sp), formatter, sp.GetService<EventSignals>())
            : null;

    // The due-notice kinds that recur: each one's next notice is scheduled as the last one fires.
    private static IEnumerable<IDueNoticeSuccessor> Successors(IServiceProvider sp)
    {
        if (InspectionNotices(sp) is { } inspections)
        {
            yield return inspections;
        }

        if (EscalationNotices(sp) is { } escalations)
        {
            yield return escalations;
        }
    }

    // The policy and path the API's complaint reads use (R-CP-5). Built where asked: it holds no state of its own.
    private static ComplaintEscalationNotices? EscalationNotices(IServiceProvider sp) =>
        sp.GetService<IEventFormatter>() is { } formatter
            ? new ComplaintEscalationNotices(ComplaintPolicies.Desk003, EscalationPath.Seed003, RequireClock(sp), formatter, sp.GetService<EventSignals>())
            : null;

    // Built where asked (the store and the queue): it holds no state of its own.
    private static InspectionDueNotices? InspectionNotices(IServiceProvider sp) =>
        sp.GetService<IEventFormatter>() is { } formatter
            ? new InspectionDueNotices((sp.GetService<AfterSales.Quality.QualityServiceOptions>() ?? AfterSales.Quality.QualityServiceOptions.Default).Zone, RequireClock(sp), formatter, sp.GetService<EventSignals>())
            : null;

    private static AfterSales.Entitlements.Spares.ReplenishmentPolicy? StockTarget(IServiceProvider sp) =>
        sp.GetService<AfterSalesOptions>()?.StockTarget;

    private static NodaTime.IClock RequireClock(IServiceProvider sp) =>
        sp.GetService<NodaTime.IClock>()
        ?? throw new InvalidOperationException(
            "AfterSales needs a NodaTime.IClock, and none is registered. Register one in the host, e.g. services.AddSingleton<IClock>(SystemClock.Instance).");
}
