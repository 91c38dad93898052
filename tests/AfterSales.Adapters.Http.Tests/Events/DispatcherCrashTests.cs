using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.Events;

/// <summary>
/// The sample host as a process, killed while deliveries are in flight; a second process takes over
/// once the leases end: every event arrives, and what arrives twice is the same event (same id, same bytes).
/// </summary>
public sealed partial class DispatcherCrashTests
{
    private const int Tickets = 40;

    [Fact]
    public Task KilledMidDelivery_AnotherNodeTakesOverAfterTheLease_NothingLost_RepeatsAreTheSameEvent_Sqlite() => Run(TestDatabase.Sqlite);

    [PostgresFact]
    public Task KilledMidDelivery_AnotherNodeTakesOverAfterTheLease_NothingLost_RepeatsAreTheSameEvent_PostgreSql() => Run(TestDatabase.PostgreSql);

    private static async Task Run(TestDatabase database)
    {
        using var shared = new SharedDatabase(database);
        await using var receiver = await WebhookReceiver.StartAsync();

        // The first eight requests are answered at once; every later one of the first node is never
        // answered (the kill ends it), so that the kill finds requests in flight however loaded the
        // machine is. Requests that arrive after the kill (the second node's) are answered at once.
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrivals = 0;
        receiver.Respond = async (_, _, ct) =>
        {
            if (!killed.Task.IsCompleted && Interlocked.Increment(ref arrivals) > 8)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return 200;
        };

        string secret;
        using (var first = await Node.StartAsync(database, shared.ConnectionString, "node-a"))
        {
            using var client = first.Client("acme");
            secret = await WebhookDeliveryTests.SubscribeAsync(client, receiver.Url, "aftersales.ticket.reported");
            receiver.Secret = secret;
            await Task.WhenAll(Enumerable.Range(0, Tickets).Select(i => client.ReportAsync($"CR-{i:D3}")));
            await receiver.WaitForAsync(static r => r.Count >= 8, "the first deliveries");
            await WaitForInFlightAsync(receiver);
            first.Kill();
        }

        var inFlightAtKill = receiver.Requests.Count(static r => r.Status is 0 or -1);
        killed.SetResult();
        using var second = await Node.StartAsync(database, shared.ConnectionString, "node-b");
        await receiver.WaitForAsync(static r => r.Select(static e => e.Id).Distinct().Count() >= Tickets, "every event after the take-over", seconds: 120);

        using var reader = second.Client("acme");
        var expected = new HashSet<string>(StringComparer.Ordinal);
        var until = DateTime.UtcNow.AddSeconds(30);
        while (expected.Count < Tickets && DateTime.UtcNow < until)
        {
            var feed = await (await reader.GetAsync($"/after-sales/events?limit={Tickets + 10}")).JsonAsync(HttpStatusCode.OK);
            expected.UnionWith(feed["events"]!.AsArray().Select(static e => (string)e!["id"]!));
        }

        Assert.Equal(Tickets, expected.Count);

        var requests = receiver.Requests.ToList();
        Assert.True(expected.SetEquals(receiver.Accepted.Select(static r => r.Id)), "an event was lost");
        Assert.All(requests, r => Assert.Contains(r.Id, expected));
        Assert.All(requests, static r => Assert.True(r.Verified, $"{r.Id}: signature rejected"));
        foreach (var repeated in requests.GroupBy(static r => r.Id).Where(static g => g.Count() > 1))
        {
            Assert.Single(repeated.Select(static r => r.Body).Distinct());
        }

        Assert.True(inFlightAtKill > 0, "the kill found no delivery in flight; the test proved nothing");
        Assert.True(requests.Count > Tickets, "nothing was delivered twice: the deliveries in flight at the kill were not taken over");
    }

    private static async Task WaitForInFlightAsync(WebhookReceiver receiver)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!receiver.Requests.Any(static r => r.Status == 0))
        {
            Assert.True(DateTime.UtcNow < until, "no delivery was ever in flight");
            await Task.Delay(5);
        }
    }

    /// <summary>The sample host in its own process (real clock), with short leases.</summary>
    private sealed partial class Node : IDisposable
    {
        private readonly Process process;

        private Node(Process process, string url)
        {
            this.process = process;
            Url = url;
        }

        public string Url { get; }

        public static async Task<Node> StartAsync(TestDatabase database, string connectionString, string name)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            foreach (var arg in new[]
            {
                Path.Combine(AppContext.BaseDirectory, "AfterSales.Host.dll"),
                "--environment", "Development",
                "--urls", "http://127.0.0.1:0",
                "--Logging:LogLevel:Default=Warning",
                "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Information",
                $"--AfterSales:Database={database}",
                $"--ConnectionStrings:AfterSales={connectionString}",
                "--AfterSales:Http:WebhookAllowedHosts:0=127.0.0.1",
                $"--AfterSales:Watcher:NodeName={name}",
                "--AfterSales:Watcher:DeliveryLease=00:00:11",
                "--AfterSales:Watcher:AttemptTimeout=00:00:04",
                "--AfterSales:Watcher:MaxDeliveryAttempts=2",
                "--AfterSales:Watcher:DispatchPollInterval=00:00:00.200",
            })
            {
                start.ArgumentList.Add(arg);
            }

            var process = new Process { StartInfo = start };
            var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            var output = new System.Text.StringBuilder();
            process.OutputDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }

                if (e.Data is { } line && Listening().Match(line) is { Success: true } m)
                {
                    listening.TrySetResult(m.Groups[1].Value);
                }
            };
            process.ErrorDataReceived += (_, e) =>
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var done = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
            if (done != listening.Task)
            {
                process.Kill(entireProcessTree: true);
                lock (output)
                {
                    Assert.Fail($"The host did not start: {output}");
                }
            }

            return new Node(process, await listening.Task);
        }

        public HttpClient Client(string tenant)
        {
            var client = new HttpClient { BaseAddress = new Uri(Url) };
            client.DefaultRequestHeaders.Add("X-Tenant-Id", tenant);
            return client;
        }

        public void Kill()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                Kill();
            }

            process.Dispose();
        }

        [GeneratedRegex("Now listening on: (http://\\S+)")]
        private static partial Regex Listening();
    }
}
