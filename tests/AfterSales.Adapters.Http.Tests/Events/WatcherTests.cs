using AfterSales.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Http.Tests.Events;

/// <summary>The watcher sleeps until the earliest deadline, not on a polling grid, and a save on its node wakes it for a nearer one.</summary>
public sealed class WatcherTests
{
    [Fact]
    public async Task Watcher_SleepsUntilTheEarliestDeadline_ASaveBringingANearerOneReschedulesIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var factory = new ServiceFactory(settings: new Dictionary<string, string?> { ["AfterSales:Watcher:MaxNap"] = "01:00:00" });
        using var client = factory.ClientFor("acme");
        receiver.Secret = await WebhookDeliveryTests.SubscribeAsync(client, receiver.Url, "aftersales.clock.warning");
        var start = ServiceFactory.Start;

        // Nothing is due: the watcher naps its longest.
        await WaitForWakeAsync(factory, start + Duration.FromHours(1));

        // A report with a first-response warning at 7 min 30 s: the save wakes the watcher, which now sleeps until then.
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        await WaitForWakeAsync(factory, start + Duration.FromSeconds(450));
        Assert.DoesNotContain(start + Duration.FromHours(1), factory.Timer.Wakes);

        // Just before it nothing fires; just after it the warning does.
        factory.Timer.AdvanceTo(start + Duration.FromSeconds(449));
        await Task.Delay(300);
        Assert.Empty(receiver.Requests);
        factory.Timer.AdvanceTo(start + Duration.FromSeconds(450) + Duration.FromMilliseconds(1));
        await receiver.WaitForAsync(static r => r.Count == 1, "the 50 % warning");
        Assert.Equal("2026-03-02T01:07:30Z", (string)receiver.Accepted.Single().Event["time"]!);
    }

    [Fact]
    public async Task Watcher_ASaveWhoseDeadlineIsNotNearer_LeavesTheSleepAsItIs()
    {
        var waits = new List<Instant>();
        ServiceFactory? created = null;
        using var factory = created = new ServiceFactory(
            services: s => s.AddSingleton<AfterSales.Events.IDeadlineTimer>(new RecordingTimer(() => created!.Timer, waits)),
            settings: new Dictionary<string, string?> { ["AfterSales:Watcher:MaxNap"] = "01:00:00" });
        using var client = factory.ClientFor("acme");
        var warning = ServiceFactory.Start + Duration.FromSeconds(450);
        (await client.ReportAsync("WO-1")).EnsureSuccessStatusCode();
        await WaitForWakeAsync(factory, warning);
        int Started() { lock (waits) { return waits.Count(w => w == warning); } }
        Assert.Equal(1, Started());

        // Two more reports at the same instant store the same deadline: each signals, neither is nearer.
        (await client.ReportAsync("WO-2")).EnsureSuccessStatusCode();
        (await client.ReportAsync("WO-3")).EnsureSuccessStatusCode();
        await Task.Delay(300);

        Assert.Equal(1, Started());
        Assert.Contains(warning, factory.Timer.Wakes);
    }

    /// <summary>The factory's fake timer, recording each wait begun.</summary>
    private sealed class RecordingTimer(Func<AfterSales.Testing.FakeDeadlineTimer> timer, List<Instant> waits) : AfterSales.Events.IDeadlineTimer
    {
        public Task WaitUntilAsync(Instant instant, CancellationToken cancellationToken)
        {
            lock (waits)
            {
                waits.Add(instant);
            }

            return timer().WaitUntilAsync(instant, cancellationToken);
        }
    }

    private static async Task WaitForWakeAsync(ServiceFactory factory, Instant wake)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!factory.Timer.Wakes.Contains(wake))
        {
            Assert.True(DateTime.UtcNow < until, $"the watcher does not sleep until {wake}; sleepers wait for {string.Join(", ", factory.Timer.Wakes)}");
            await Task.Delay(10);
        }
    }
}
