using System.Globalization;

namespace AfterSales.Idempotency;

/// <summary>
/// The bounds of an <see cref="IIdempotencyStore"/> and of its sweep (幂等键存储限额). Validated at start-up:
/// a bad value stops the host with a message naming the option.
/// </summary>
public sealed class IdempotencyStoreOptions
{
    /// <summary>The most keys kept per tenant; past it the oldest are evicted (a retry of an evicted key runs again).</summary>
    /// <value>The default value is 10 000. 100 to 10 000 000.</value>
    public int MaxKeysPerTenant { get; set; } = 10_000;

    /// <summary>The most bytes of stored responses (bodies and headers) kept per tenant; past it the oldest keys are evicted.</summary>
    /// <value>The default value is 33 554 432 (32 MiB). 65 536 to 17 179 869 184 (16 GiB).</value>
    public long MaxBytesPerTenant { get; set; } = 32L * 1024 * 1024;

    /// <summary>
    /// The largest response body kept for replay. A larger one is kept as its status, headers and
    /// length only, and a replay is answered with a problem that says so (the HTTP adapter: 409 with
    /// the first response's status and <c>Location</c>), never by running the request again.
    /// </summary>
    /// <value>The default value is 65 536 (64 KiB). 1 024 to <see cref="MaxBytesPerTenant"/>.</value>
    public int MaxResponseBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// How long a reservation holds its key for the request that made it. A request still running
    /// after it may see a retry run alongside; a request that died frees its key when it ends.
    /// </summary>
    /// <value>The default value is 2 minutes. 5 seconds to 1 hour.</value>
    public TimeSpan InProgressLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the background sweep removes expired keys and evicts over-bound tenants' oldest.</summary>
    /// <value>The default value is 1 minute. 1 second to 1 day.</value>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Checks every setting.</summary>
    /// <returns>The problems found, each naming the option; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MaxKeysPerTenant is < 100 or > 10_000_000)
        {
            errors.Add(Text($"MaxKeysPerTenant must be 100 to 10000000, was {MaxKeysPerTenant}."));
        }

        if (MaxBytesPerTenant is < 65_536 or > 16L * 1024 * 1024 * 1024)
        {
            errors.Add(Text($"MaxBytesPerTenant must be 65536 to 17179869184 bytes, was {MaxBytesPerTenant}."));
        }

        if (MaxResponseBytes < 1024 || MaxResponseBytes > MaxBytesPerTenant)
        {
            errors.Add(Text($"MaxResponseBytes must be 1024 to MaxBytesPerTenant ({MaxBytesPerTenant}) bytes, was {MaxResponseBytes}."));
        }

        if (InProgressLease < TimeSpan.FromSeconds(5) || InProgressLease > TimeSpan.FromHours(1))
        {
            errors.Add(Text($"InProgressLease must be 5 seconds to 1 hour, was {InProgressLease}."));
        }

        if (SweepInterval < TimeSpan.FromSeconds(1) || SweepInterval > TimeSpan.FromDays(1))
        {
            errors.Add(Text($"SweepInterval must be 1 second to 1 day, was {SweepInterval}."));
        }

        return errors;
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
