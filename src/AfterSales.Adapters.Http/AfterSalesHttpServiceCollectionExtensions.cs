using AfterSales;
using AfterSales.Http;
using AfterSales.Http.Background;
using Microsoft.Extensions.Hosting;
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
    /// <see cref="ITenantResolver"/> (<see cref="ClaimTenantResolver"/>, the <c>tenant_id</c> claim), the
    /// authorization policies of <see cref="AfterSales.Http.Identity.AfterSalesPolicies"/> (defaults for those
    /// the host does not define), 401/403 as problem details, the default <see cref="AfterSales.Idempotency.IIdempotencyStore"/>
    /// (<see cref="AfterSales.Http.Idempotency.InMemoryIdempotencyStore"/>, one node only; the EF Core adapter
    /// replaces it with a durable one) and its background sweep, and the background service that has open
    /// tickets adopt saved calendar versions. Register your own resolver or store before
    /// or after this call: <c>TryAdd</c> keeps yours. Calling it twice is harmless.
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
        services.TryAddSingleton<CalendarAdoptionSignal>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, CalendarAdoptionWorker>());
        services.TryAddSingleton<AfterSales.Http.Limits.AfterSalesRateLimiter>();
        AfterSalesHttpIdentityExtensions.AddIdentityAndIdempotency(services);
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
