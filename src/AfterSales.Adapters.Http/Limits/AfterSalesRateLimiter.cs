using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace AfterSales.Http.Limits;

/// <summary>
/// The request limits of <see cref="AfterSalesHttpOptions"/>: a fixed window per tenant and one per
/// client, chained, on System.Threading.RateLimiting — the limiter ASP.NET Core's rate-limiting
/// middleware runs on. It is applied by <see cref="RateLimitFilter"/> inside the adapter rather than as
/// a middleware policy because the tenant is what the adapter's <c>ITenantResolver</c> says, which
/// is asynchronous and may read the authenticated user; a middleware partitioner is synchronous and
/// runs before it. Idle partitions are dropped by the limiter, so many tenants or clients cost little.
/// </summary>
internal sealed class AfterSalesRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<RateLimitKey>? limiter;

    public AfterSalesRateLimiter(IOptions<AfterSalesHttpOptions> options)
    {
        var o = options.Value;
        Window = o.RateLimitWindow;
        if (o.TenantRequestLimit == 0 && o.ClientRequestLimit == 0)
        {
            return;
        }

        limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<RateLimitKey, string>(k => Partition(k.Client, o.ClientRequestLimit)),
            PartitionedRateLimiter.Create<RateLimitKey, string>(k => Partition(k.Tenant, o.TenantRequestLimit)));
    }

    /// <summary>The window the limits count in.</summary>
    public TimeSpan Window { get; }

    /// <summary>Takes a permit for <paramref name="tenant"/> and the client of <paramref name="http"/>; <see langword="null"/> when granted, else how long to wait.</summary>
    public TimeSpan? TryAcquire(HttpContext http, string? tenant)
    {
        if (limiter is null)
        {
            return null;
        }

        using var lease = limiter.AttemptAcquire(new RateLimitKey(tenant ?? string.Empty, ClientOf(http)));
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
    }

    public void Dispose() => limiter?.Dispose();

    /// <summary>The client a request counts against: the authenticated subject, else the remote address.</summary>
    internal static string ClientOf(HttpContext http)
    {
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true
            && (user.FindFirst("sub") ?? user.FindFirst(ClaimTypes.NameIdentifier)) is { Value: { Length: > 0 } subject })
        {
            return "user:" + subject;
        }

        return "address:" + http.Connection.RemoteIpAddress?.ToString();
    }

    private RateLimitPartition<string> Partition(string key, int limit) =>
        limit == 0 || key.Length == 0
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit,
                Window = Window,
                QueueLimit = 0,
                AutoReplenishment = true,
            });

    internal readonly record struct RateLimitKey(string Tenant, string Client);

    /// <summary>Seconds for a <c>Retry-After</c> header, rounded up, at least 1.</summary>
    internal static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
