using AfterSales.Testing;
using NodaTime.Testing;

namespace AfterSales.Http.Tests.Support;

/// <summary>
/// Two hosts of one deployment (watcher nodes <c>node-0</c> and <c>node-1</c>) on a database of their own, driven
/// by one fake timer, each with a client for one tenant: the setup of every "due once across nodes" test.
/// </summary>
public sealed class TwoNodes : IDisposable
{
    private readonly SharedDatabase shared;
    private readonly ServiceFactory first;
    private readonly ServiceFactory second;

    public TwoNodes(TestDatabase database, string tenant, FakeClock clock)
    {
        shared = new SharedDatabase(database);
        Timer = new FakeDeadlineTimer(clock);
        first = new ServiceFactory(database, shared.ConnectionString, Timer, settings: Node(0));
        second = new ServiceFactory(database, shared.ConnectionString, Timer, settings: Node(1));
        A = first.ClientFor(tenant);
        B = second.ClientFor(tenant);
    }

    /// <summary>The timer both nodes sleep on.</summary>
    public FakeDeadlineTimer Timer { get; }

    /// <summary>The first node's client.</summary>
    public HttpClient A { get; }

    /// <summary>The second node's client.</summary>
    public HttpClient B { get; }

    public void Dispose()
    {
        B.Dispose();
        A.Dispose();
        second.Dispose();
        first.Dispose();
        shared.Dispose();
    }

    private static Dictionary<string, string?> Node(int node) => new() { ["AfterSales:Watcher:NodeName"] = $"node-{node}" };
}
