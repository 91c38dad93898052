using System.Globalization;

namespace AfterSales.Http;

/// <summary>
/// Settings of the deadline watcher, the outbox dispatcher and webhook delivery
/// (<c>AddAfterSales(…).AddDeadlineWatcher(o =&gt; …)</c>). Validated at start-up: a bad value stops the
/// host with a message naming the option, e.g. "MaxNap must be positive, was 00:00:00.".
/// </summary>
public sealed class DeadlineWatcherOptions
{
    /// <summary>This node's name on claims and leases; the machine name and process id when null.</summary>
    /// <value>The default value is <see langword="null"/>. At most 200 characters.</value>
    public string? NodeName { get; set; }

    /// <summary>The longest the watcher sleeps without looking at the due index (it wakes earlier for the next deadline, or when a save on this node stores a nearer one). Bounds how late a deadline another node stored is seen, and how soon a dead node's leases are taken over.</summary>
    /// <value>The default value is 30 seconds. Positive, at most 1 hour.</value>
    public TimeSpan MaxNap { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many due work orders one claim takes.</summary>
    /// <value>The default value is 100. 1 to 10 000.</value>
    public int BatchSize { get; set; } = 100;

    /// <summary>How many claimed work orders the watcher evaluates at once.</summary>
    /// <value>The default value is 4. 1 to 64.</value>
    public int Concurrency { get; set; } = 4;

    /// <summary>How long a claim on a due work order excludes other nodes; a node that dies holding claims loses them after it.</summary>
    /// <value>The default value is 1 minute. Positive.</value>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the dispatcher looks for events other nodes wrote (this node's own commits wake it at once).</summary>
    /// <value>The default value is 1 second. Positive, at most 1 minute.</value>
    public TimeSpan DispatchPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many outbox events one fan-out transaction takes.</summary>
    /// <value>The default value is 200. 1 to 10 000.</value>
    public int DispatchBatchSize { get; set; } = 200;

    /// <summary>How many deliveries of one subscription are in flight at once; a slow receiver holds only its own.</summary>
    /// <value>The default value is 4. 1 to 64.</value>
    public int DeliveryConcurrency { get; set; } = 4;

    /// <summary>HTTP attempts per delivery before it is dead-lettered (timeouts, 5xx, 408 and 429 are retried; other 4xx are not).</summary>
    /// <value>The default value is 5. 1 to 20.</value>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>How long one HTTP attempt may take.</summary>
    /// <value>The default value is 10 seconds. Positive.</value>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter, or follow <c>Retry-After</c>.</summary>
    /// <value>The default value is 1 second. Zero or more.</value>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claimed delivery excludes other nodes; every attempt of one delivery ends within 80 % of it.</summary>
    /// <value>The default value is 5 minutes. Longer than <see cref="MaxDeliveryAttempts"/> × <see cref="AttemptTimeout"/>.</value>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Checks every setting.</summary>
    /// <returns>The problems found, each naming the option; empty when valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        void Positive(TimeSpan value, string name, TimeSpan? max = null)
        {
            if (value <= TimeSpan.Zero || (max is { } m && value > m))
            {
                errors.Add(Text($"{name} must be positive{(max is { } x ? Text($", at most {x}") : "")}, was {value}."));
            }
        }

        void Range(int value, string name, int min, int max)
        {
            if (value < min || value > max)
            {
                errors.Add(Text($"{name} must be {min} to {max}, was {value}."));
            }
        }

        if (NodeName is { } node && (string.IsNullOrWhiteSpace(node) || node.Length > 200))
        {
            errors.Add(Text($"NodeName must be null or 1 to 200 characters, was '{node}'."));
        }

        Positive(MaxNap, nameof(MaxNap), TimeSpan.FromHours(1));
        Range(BatchSize, nameof(BatchSize), 1, 10_000);
        Range(Concurrency, nameof(Concurrency), 1, 64);
        Positive(ClaimLease, nameof(ClaimLease));
        Positive(DispatchPollInterval, nameof(DispatchPollInterval), TimeSpan.FromMinutes(1));
        Range(DispatchBatchSize, nameof(DispatchBatchSize), 1, 10_000);
        Range(DeliveryConcurrency, nameof(DeliveryConcurrency), 1, 64);
        Range(MaxDeliveryAttempts, nameof(MaxDeliveryAttempts), 1, 20);
        Positive(AttemptTimeout, nameof(AttemptTimeout));
        if (RetryBaseDelay < TimeSpan.Zero)
        {
            errors.Add(Text($"RetryBaseDelay must be zero or more, was {RetryBaseDelay}."));
        }

        Positive(DeliveryLease, nameof(DeliveryLease));
        if (DeliveryLease > TimeSpan.Zero && AttemptTimeout > TimeSpan.Zero && DeliveryLease * 0.8 <= AttemptTimeout * MaxDeliveryAttempts)
        {
            errors.Add(Text($"DeliveryLease must be longer than MaxDeliveryAttempts × AttemptTimeout ({AttemptTimeout * MaxDeliveryAttempts}) by a quarter, was {DeliveryLease}."));
        }

        return errors;
    }

    /// <summary>The node name to use.</summary>
    internal string Node => NodeName ?? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}/{Environment.ProcessId}");

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
