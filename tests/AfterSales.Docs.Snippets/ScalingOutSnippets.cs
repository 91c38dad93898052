using AfterSales.EntityFrameworkCore;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NodaTime;
using NodaTime.Testing;

namespace AfterSales.Docs.Snippets;

/// <summary>docs/scaling-out-postgresql.md: compiled against Npgsql; the leases run on SQLite.</summary>
public sealed class ScalingOutSnippets
{
    internal static void RegisterOnPostgreSql(IServiceCollection services, string connectionString) =>
        EventsSnippets.RegisterWatcher(services, connectionString);

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
        var services = new ServiceCollection().AddLogging();
        RegisterOnPostgreSql(services, "Host=db.internal;Database=service_desk;Username=service_desk");
        await using var provider = services.BuildServiceProvider();
        Assert.IsType<EfCoreTicketStore<ServiceDeskContext>>(provider.GetRequiredService<ITicketStore>());
        Assert.Contains(provider.GetServices<IHostedService>(), s => s.GetType().Name == "DeadlineWatcher");
        await using var context = await provider.GetRequiredService<IDbContextFactory<ServiceDeskContext>>().CreateDbContextAsync();
        Assert.True(context.Database.IsNpgsql());

        var scripts = AfterSalesSchema.GetScripts(context.Database.ProviderName!, new AfterSalesModelOptions { Schema = "service", TablePrefix = "as_" });
        Assert.Contains("CREATE TABLE \"service\".\"as_tickets\"", scripts[0].Sql, StringComparison.Ordinal);
        Assert.Contains("\"ix_as_tickets_next_deadline\"", scripts[0].Sql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodeDies_AnExpiredLeaseIsTakenOver_TheLateCompletionRefused_OnSqlite()
    {
        await using var db = await SqliteFile.CreateAsync();
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0));
        var services = new ServiceCollection();
        EmbeddingSnippets.Register(services, db.ConnectionString);
        services.AddSingleton<IClock>(clock);
        await using var provider = services.BuildServiceProvider();
        await EmbeddingSnippets.MigrateAtStartUp(provider);
        await EmbeddingSnippets.ReportAndAcknowledgeAnother(provider, "WO-9");
        var store = provider.GetRequiredService<EfCoreTicketStore<ServiceDeskContext>>();
        clock.AdvanceDays(3);
        var (meanwhile, takenOver, lateCompletion) = await NodeDies(store, clock);
        Assert.Empty(meanwhile);
        Assert.Contains(takenOver, c => c.Id.Value == "WO-9" && c.Claimant == "node-b");
        Assert.False(lateCompletion);
    }
}
