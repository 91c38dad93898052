using AfterSales;
using AfterSales.Http.Identity;
using AfterSales.Http.Idempotency;
using AfterSales.Http.Tenancy;
using AfterSales.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures who may call the HTTP adapter and how it remembers idempotency keys.</summary>
public static class AfterSalesHttpIdentityExtensions
{
    /// <summary>
    /// Changes <see cref="AfterSalesIdentityOptions"/>: where the tenant comes from and whether the
    /// <c>X-Tenant-Id</c> header is trusted. Validated at start: outside Development a trusted header
    /// needs <see cref="AfterSalesIdentityOptions.AllowTenantHeaderOutsideDevelopment"/>.
    /// </summary>
    /// <param name="builder">The builder <c>AddAfterSales</c> returned.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The same builder.</returns>
    public static AfterSalesBuilder ConfigureHttpIdentity(this AfterSalesBuilder builder, Action<AfterSalesIdentityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Changes the <see cref="IdempotencyStoreOptions"/> (bounds, lease, sweep interval) of the registered idempotency store.</summary>
    /// <param name="builder">The builder <c>AddAfterSales</c> returned.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The same builder.</returns>
    public static AfterSalesBuilder ConfigureIdempotency(this AfterSalesBuilder builder, Action<IdempotencyStoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>The identity, authorization and idempotency services <c>AddHttpApi</c> registers.</summary>
    internal static void AddIdentityAndIdempotency(IServiceCollection services)
    {
        services.AddOptions<AfterSalesIdentityOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AfterSalesIdentityOptions>, IdentityOptionsValidator>());
        services.AddOptions<IdempotencyStoreOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<IdempotencyStoreOptions>, IdempotencyOptionsValidator>());

        services.TryAddSingleton<ITenantResolver>(static sp => new ClaimTenantResolver(sp.GetRequiredService<IOptions<AfterSalesIdentityOptions>>().Value.TenantClaimType));
        services.TryAddSingleton<IIdempotencyStore>(static sp => new InMemoryIdempotencyStore(sp.GetRequiredService<IOptions<IdempotencyStoreOptions>>().Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, IdempotencySweepService>());

        services.AddAuthorization(static o =>
        {
            // Defaults for the policies the host has not defined (a later AddPolicy of the host replaces them).
            AddIfMissing(o, AfterSalesPolicies.Reader, static p => p.RequireAuthenticatedUser());
            AddIfMissing(o, AfterSalesPolicies.Customer, static p => p.RequireRole(AfterSalesPolicies.DefaultRoles.Customer, AfterSalesPolicies.DefaultRoles.ServiceManager));
            AddIfMissing(o, AfterSalesPolicies.Engineer, static p => p.RequireRole(AfterSalesPolicies.DefaultRoles.Engineer, AfterSalesPolicies.DefaultRoles.ServiceManager));
            AddIfMissing(o, AfterSalesPolicies.ServiceManager, static p => p.RequireRole(AfterSalesPolicies.DefaultRoles.ServiceManager));
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, TrustedTenantHeaderHandler>());
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
    }

    private static void AddIfMissing(AuthorizationOptions options, string name, Action<AuthorizationPolicyBuilder> configure)
    {
        if (options.GetPolicy(name) is null)
        {
            options.AddPolicy(name, configure);
        }
    }

    /// <summary>Why a trusted tenant header is refused here (outside Development, not allowed), or <see langword="null"/>.</summary>
    internal static string? HeaderRefusal(IServiceProvider services, AfterSalesIdentityOptions options, string why)
    {
        var environment = services.GetService<IHostEnvironment>();
        return environment?.IsDevelopment() == true || options.AllowTenantHeaderOutsideDevelopment
            ? null
            : $"AfterSalesIdentityOptions: the tenant header (X-Tenant-Id) is trusted ({why}) in the {environment?.EnvironmentName ?? "unknown"} environment, "
                + "so any caller could act for any tenant. Send bearer tokens with a tenant claim instead, "
                + "or set AllowTenantHeaderOutsideDevelopment when a trusted gateway sets the header.";
    }

    private sealed class IdentityOptionsValidator(IServiceProvider services) : IValidateOptions<AfterSalesIdentityOptions>
    {
        public ValidateOptionsResult Validate(string? name, AfterSalesIdentityOptions options)
        {
            var errors = options.Validate().Select(static e => "AfterSalesIdentityOptions." + e).ToList();
            if (options.AcceptTenantHeader && HeaderRefusal(services, options, "AcceptTenantHeader is on") is { } refusal)
            {
                errors.Add(refusal);
            }

            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }

    private sealed class IdempotencyOptionsValidator : IValidateOptions<IdempotencyStoreOptions>
    {
        public ValidateOptionsResult Validate(string? name, IdempotencyStoreOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(static e => "IdempotencyStoreOptions." + e));
        }
    }
}
