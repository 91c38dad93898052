using AfterSales.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales;

/// <summary>
/// Returned by <c>services.AddAfterSales(…)</c> (售后服务注册): adapters add themselves to it with
/// extension methods, e.g. <c>.UseEntityFrameworkCore&lt;TContext&gt;()</c>.
/// </summary>
public sealed class AfterSalesBuilder
{
    internal AfterSalesBuilder(IServiceCollection services, AfterSalesOptions options)
    {
        Services = Guard.NotNull(services);
        Options = options;
    }

    /// <summary>The service collection being configured.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The options, shared by every <c>AddAfterSales</c> call on the same collection.</summary>
    public AfterSalesOptions Options { get; }
}
