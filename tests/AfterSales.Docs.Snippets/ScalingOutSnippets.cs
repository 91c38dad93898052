using AfterSales.EntityFrameworkCore;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace AfterSales.Docs.Snippets;

// docs/scaling-out-postgresql.md: what the host does with a due work order.
public interface IBreachNotifier
{
    Task NotifyAsync(DueTicketClaim claim, IReadOnlyList<SlaClock> clocks, CancellationToken cancellationToken);
}

// docs/scaling-out-postgresql.md: the due-work loop, one per node.
public sealed class BreachWatcher(
    EfCoreTicketStore<ServiceDeskContext> store,
    TicketService tickets,
    IBreachNotifier notifier,
    IClock clock) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly Duration Lease = Duration.FromMinutes(5);
    private readonly string node = $"{Environment.MachineName}/{Environment.ProcessId}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        do
        {
            await ProcessDueAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task<int> ProcessDueAsync(CancellationToken cancellationToken)
    {
        var processed = 0;
        IReadOnlyList<DueTicketClaim> batch;
        do
        {
            var now = clock.GetCurrentInstant();
            batch = await store.ClaimDueAsync(now, BatchSize, node, Lease, cancellationToken);
            foreach (var claim in batch)
            {
                try
                {
                    var clocks = await tickets.GetClocksAsync(claim.TenantId, claim.Id, now, cancellationToken);
                    await notifier.NotifyAsync(claim, clocks, cancellationToken);
                    await store.CompleteClaimAsync(claim, cancellationToken);
                    processed++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Leave the claim: its lease runs out and a node (maybe this one) retries it.
                }
            }
        }
        while (batch.Count == BatchSize);
        return processed;
    }
}

/// <summary>docs/scaling-out-postgresql.md: compiled against Npgsql; the loop and the leases run on SQLite.</summary>
public sealed class ScalingOutSnippets
{
    internal static void RegisterOnPostgreSql(IServiceCollection services, string connectionString)
    {
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddDbContextFactory<ServiceDeskContext>(o => o.UseNpgsql(connectionString));
        services.AddAfterSales(o => o.Policies.Add(SlaPresets.EnterpriseSystems003))
                .UseEntityFrameworkCore<ServiceDeskContext>();
        services.AddSingleton<IBreachNotifier, EmailBreachNotifier>();
        services.AddHostedService<BreachWatcher>();
    }

    internal static async Task<(IReadOnlyList<DueTicketClaim> Meanwhile, IReadOnlyList<DueTicketClaim> TakenOver, bool LateCompletion)> NodeDies(
        EfCoreTicketStore<ServiceDeskContext> store, IClock clock)
    {
        var now = clock.GetCurrentInstant();
        var claimed = await store.ClaimDueAsync(now, 100, "node-a", Duration.FromMinutes(5));
        // node-a dies here, before CompleteClaimAsync.
        var meanwhile = await store.ClaimDueAsync(now + Duration.FromMinutes(4), 100, "node-b", Duration.FromMinutes(5)); // empty: still leased
        var takenOver = await store.ClaimDueAsync(now + Duration.FromMinutes(5), 100, "node-b", Duration.FromMinutes(5)); // the lease ran out
        var lateCompletion = await store.CompleteClaimAsync(claimed[0]); // false: node-b holds it now
        return (meanwhile, takenOver, lateCompletion);
    }

    [Fact]
    public async Task PostgreSqlRegistration_ResolvesWithoutAServer_AndTheScriptsTakeTheSchema()
    {
        var services = new ServiceCollection();
        RegisterOnPostgreSql(services, "Host=db.internal;Database=service_desk;Username=service_desk");
        await using var provider = services.BuildServiceProvider();
        Assert.IsType<EfCoreTicketStore<ServiceDeskContext>>(provider.GetRequiredService<ITicketStore>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s is BreachWatcher);
        await using var context = await provider.GetRequiredService<IDbContextFactory<ServiceDeskContext>>().CreateDbContextAsync();
        Assert.True(context.Database.IsNpgsql());

        var scripts = AfterSalesSchema.GetScripts(context.Database.ProviderName!, new AfterSalesModelOptions { Schema = "service", TablePrefix = "as_" });
        Assert.Contains("CREATE TABLE \"service\".\"as_tickets\"", scripts[0].Sql, StringComparison.Ordinal);
        Assert.Contains("\"ix_as_tickets_next_deadline\"", scripts[0].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BreachWatcher_ClaimsNotifiesAndCompletes_AndAnExpiredLeaseIsTakenOver_OnSqlite()
    {
        await using var db = await SqliteFile.CreateAsync();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        var notifier = new RecordingNotifier();
        var services = new ServiceCollection();
        EmbeddingSnippets.Register(services, db.ConnectionString);
        services.AddSingleton<IClock>(clock);
        services.AddSingleton<IBreachNotifier>(notifier);
        services.AddSingleton<BreachWatcher>();
        await using var provider = services.BuildServiceProvider();
        await EmbeddingSnippets.MigrateAtStartUp(provider);
        await EmbeddingSnippets.ReportAndAcknowledge(provider);
        var store = provider.GetRequiredService<EfCoreTicketStore<ServiceDeskContext>>();
        var watcher = provider.GetRequiredService<BreachWatcher>();

        // Nothing is due yet.
        Assert.Equal(0, await watcher.ProcessDueAsync(CancellationToken.None));

        // Three days on, the ticket's next deadline has passed: the hosted loop's first pass takes it.
        clock.AdvanceDays(3);
        await watcher.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (notifier.Claims.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await watcher.StopAsync(CancellationToken.None);
        var notified = Assert.Single(notifier.Claims);
        Assert.Equal("WO-1", notified.Id.Value);

        // Completed: the deadline moved past now, so it is not due again.
        Assert.Empty(await store.ClaimDueAsync(clock.GetCurrentInstant(), 100, "check", Duration.FromMinutes(1)));

        // A node that dies holding a claim: the lease runs out and another node takes over.
        await EmbeddingSnippets.ReportAndAcknowledgeAnother(provider, "WO-9");
        clock.AdvanceDays(3);
        var (meanwhile, takenOver, lateCompletion) = await ScalingOutSnippets.NodeDies(store, clock);
        Assert.Empty(meanwhile);
        Assert.Contains(takenOver, c => c.Id.Value == "WO-9" && c.Claimant == "node-b");
        Assert.False(lateCompletion);
    }

    private sealed class EmailBreachNotifier : IBreachNotifier
    {
        public Task NotifyAsync(DueTicketClaim claim, IReadOnlyList<SlaClock> clocks, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class RecordingNotifier : IBreachNotifier
    {
        public System.Collections.Concurrent.ConcurrentQueue<DueTicketClaim> Claims { get; } = new();

        public Task NotifyAsync(DueTicketClaim claim, IReadOnlyList<SlaClock> clocks, CancellationToken cancellationToken)
        {
            Assert.NotEmpty(clocks);
            Claims.Enqueue(claim);
            return Task.CompletedTask;
        }
    }
}
