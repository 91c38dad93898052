using AfterSales;
using AfterSales.Events;
using AfterSales.Http;
using AfterSales.Http.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the engine's acting parts: the deadline watcher and the outbox dispatcher with webhook delivery.</summary>
public static class AfterSalesDeadlineWatcherExtensions
{
    /// <summary>
    /// Adds the deadline watcher and the outbox dispatcher as hosted services (<see cref="BackgroundService"/>s),
    /// with their options (validated at start), a timer on the host's <see cref="TimeProvider"/>, and the
    /// webhook <see cref="HttpClient"/> with its resilience pipeline (per-attempt timeout, exponential
    /// backoff with jitter, <c>Retry-After</c>; timeouts, 5xx, 408 and 429 retried). Also calls
    /// <see cref="AfterSalesHttpServiceCollectionExtensions.AddHttpApi"/>, which registers the CloudEvents
    /// formatter the stores write the outbox with. With a store registered (in memory, or
    /// <c>UseEntityFrameworkCore</c>) and <c>MapAfterSales</c>, the host delivers signed webhooks.
    /// </summary>
    /// <remarks>Calling it twice is harmless: the second call's configuration is added, nothing is registered twice.
    /// Register your own <see cref="IDeadlineTimer"/> before it to drive the watcher from a fake clock in tests.</remarks>
    /// <param name="builder">The builder <c>AddAfterSales</c> returned.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The same builder.</returns>
    public static AfterSalesBuilder AddDeadlineWatcher(this AfterSalesBuilder builder, Action<DeadlineWatcherOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHttpApi();
        var services = builder.Services;
        var options = services.AddOptions<DeadlineWatcherOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeadlineWatcherOptions>, DeadlineWatcherOptionsValidator>());
        services.TryAddSingleton<IDeadlineTimer>(static sp => new SystemDeadlineTimer(sp.GetRequiredService<NodaTime.IClock>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<WebhookSender>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, DeadlineWatcher>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventDispatcher>());
        if (!services.Any(static d => d.ServiceType == typeof(WebhookClientMarker)))
        {
            services.AddSingleton<WebhookClientMarker>();
            var client = services.AddHttpClient(WebhookSender.ClientName);
            client

                // The resilience pipeline times attempts and the whole delivery; HttpClient's own 100 s would cut across it.
                .ConfigureHttpClient(static c => c.Timeout = Timeout.InfiniteTimeSpan)
                .ConfigurePrimaryHttpMessageHandler(static sp => new SocketsHttpHandler
                {
                    ConnectCallback = sp.GetRequiredService<WebhookUrlPolicy>().ConnectAsync,
                    AllowAutoRedirect = false,
                    PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                })
                .AddResilienceHandler("aftersales-webhooks", static (pipeline, context) =>
                {
                    var o = context.ServiceProvider.GetRequiredService<IOptions<DeadlineWatcherOptions>>().Value;

                    // Every attempt of one delivery ends well inside its lease, so no other node starts it meanwhile.
                    pipeline.AddTimeout(o.DeliveryLease * 0.8);
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = o.MaxDeliveryAttempts - 1,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = o.RetryBaseDelay,
                        ShouldRetryAfterHeader = true,
                    });
                    pipeline.AddTimeout(o.AttemptTimeout);
                });

            // Added after the resilience handler, so inside it: it sees every attempt.
            client.AddHttpMessageHandler(static () => new WebhookSender.AttemptCounter());
        }

        return builder;
    }

    private sealed class DeadlineWatcherOptionsValidator : IValidateOptions<DeadlineWatcherOptions>
    {
        public ValidateOptionsResult Validate(string? name, DeadlineWatcherOptions options)
        {
            var errors = options.Validate();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors.Select(static e => "DeadlineWatcherOptions." + e));
        }
    }

    private sealed class WebhookClientMarker;
}
