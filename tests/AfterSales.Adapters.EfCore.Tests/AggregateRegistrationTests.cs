using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using AfterSales.EntityFrameworkCore.Tests.Support;
using AfterSales.Quality.Complaints;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary><c>AddAfterSales</c> registers in-memory stores of every aggregate; <c>UseEntityFrameworkCore</c> replaces them all.</summary>
public sealed class AggregateRegistrationTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public void AddAfterSales_RegistersInMemoryStores()
    {
        var services = new ServiceCollection();
        services.AddAfterSales();
        using var sp = services.BuildServiceProvider();
        Assert.IsType<InMemoryStockLedgerStore>(sp.GetRequiredService<IStockLedgerStore>());
        Assert.IsType<InMemoryComplaintStore>(sp.GetRequiredService<IComplaintStore>());
        Assert.IsType<InMemoryDeviceRegistry>(sp.GetRequiredService<IDeviceRegistry>());
    }

    [Fact]
    public Task UseEntityFrameworkCore_RegistersTheEfStoresOfEveryAggregate_Sqlite() => Registration(Provider.Sqlite);

    [PostgresFact]
    public Task UseEntityFrameworkCore_RegistersTheEfStoresOfEveryAggregate_PostgreSql() => Registration(Provider.PostgreSql);

    private async Task Registration(Provider provider)
    {
        var db = await fixture.GetAsync(provider);
        foreach (var useFactory in new[] { true, false })
        {
            var services = new ServiceCollection();
            services.AddSingleton<IClock>(new FakeClock(Instant.FromUtc(2026, 3, 2, 1, 0)));
            if (useFactory)
            {
                services.AddDbContextFactory<HostDbContext>(o => Configure(o, db));
            }
            else
            {
                services.AddDbContext<HostDbContext>(o => Configure(o, db));
            }

            services.AddAfterSales().UseEntityFrameworkCore<HostDbContext>().UseEntityFrameworkCore<HostDbContext>();
            services.AddAfterSales();
            await using var sp = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
            Assert.Single(services, static d => d.ServiceType == typeof(IStockLedgerStore));
            Assert.Single(services, static d => d.ServiceType == typeof(IComplaintStore));
            Assert.Single(services, static d => d.ServiceType == typeof(IDeviceRegistry));

            var suffix = Guid.NewGuid().ToString("N")[..8];
            var ledgers = Assert.IsType<EfCoreStockLedgerStore<HostDbContext>>(sp.GetRequiredService<IStockLedgerStore>());
            await ledgers.SaveAsync("t1", StockLedger.Open("SC-01", "P-" + suffix).Receive(2, "keeper", Instant.FromUtc(2026, 3, 2, 1, 0)), 0);
            Assert.Equal(2, (await ledgers.LoadAsync("t1", "SC-01", "P-" + suffix)).Balance);

            var complaints = Assert.IsType<EfCoreComplaintStore<HostDbContext>>(sp.GetRequiredService<IComplaintStore>());
            await complaints.SaveAsync("t1", Complaint.File("C-" + suffix, "WO-1", "eng", Instant.FromUtc(2026, 3, 2, 1, 0), "slow"), 0);
            Assert.NotNull(await complaints.LoadAsync("t1", "C-" + suffix));

            var devices = Assert.IsType<EfCoreDeviceRegistry<HostDbContext>>(sp.GetRequiredService<IDeviceRegistry>());
            await devices.SaveAsync("t1", DeviceRecord.Create("SN-" + suffix, ComponentClass.Hardware, completedOn: new LocalDate(2025, 1, 1)), 0);
            Assert.NotNull(await devices.GetAsync("t1", "SN-" + suffix));
        }
    }

    private static void Configure(DbContextOptionsBuilder options, TestDatabase db)
    {
        if (db.Provider == Provider.Sqlite)
        {
            options.UseSqlite(db.ConnectionString);
        }
        else
        {
            options.UseNpgsql(db.ConnectionString);
        }
    }
}
