using AfterSales;
using AfterSales.Http;
using AfterSales.Http.Background;
using Microsoft.Extensions.Hosting;
using AfterSales.Http.Idempotency;
using AfterSales.Http.Json;
using AfterSales.Http.Tenancy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the HTTP adapter's services.</summary>
public static class AfterSalesHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers what <c>app.MapAfterSales(...)</c> needs: <see cref="AfterSalesHttpOptions"/> (validated
    /// at start), problem details, the NodaTime JSON converters for minimal APIs, the default
    /// <see cref="ITenantResolver"/> (<see cref="HeaderTenantResolver"/>, <c>X-Tenant-Id</c>) and the default
    /// <see cref="IIdempotencyStore"/> (<see cref="InMemoryIdempotencyStore"/>, one node only), and the
    /// background service that has open tickets adopt saved calendar versions. Register your
    /// own resolver or store before or after this call: <c>TryAdd</c> keeps yours. Calling it twice is harmless.
    /// </summary>
    /// <param name="builder">The builder <c>AddAfterSales</c> returned.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The same builder.</returns>
    public static AfterSalesBuilder AddHttpApi(this AfterSalesBuilder builder, Action<AfterSalesHttpOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<AfterSalesHttpOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AfterSalesHttpOptions>, AfterSalesHttpOptionsValidator>());
        services.AddProblemDetails();
        services.ConfigureHttpJsonOptions(static o =>
        {
            o.SerializerOptions.AddNodaTimeConverters();
            if (!o.SerializerOptions.TypeInfoResolverChain.Contains(AfterSalesJsonContext.Default))
            {
                o.SerializerOptions.TypeInfoResolverChain.Insert(0, AfterSalesJsonContext.Default);
            }
        });
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ITenantResolver>(new HeaderTenantResolver());
        services.TryAddSingleton<CalendarAdoptionSignal>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CalendarAdoptionWorker>());
        services.TryAddSingleton<AfterSales.Http.Limits.AfterSalesRateLimiter>();
        services.TryAddSingleton<IIdempotencyStore>(static sp => new InMemoryIdempotencyStore(sp.GetRequiredService<TimeProvider>()));
        return builder;
    }

    private sealed class AfterSalesHttpOptionsValidator : IValidateOptions<AfterSalesHttpOptions>
    {
        public ValidateOptionsResult Validate(string? name, AfterSalesHttpOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(static e => "AfterSalesHttpOptions." + e));
        }
    }
}
