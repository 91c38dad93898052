// EF Core's analyzer takes every *.EntityFrameworkCore.Internal namespace for its own; this one is the adapter's.
#pragma warning disable EF1001

using AfterSales.EntityFrameworkCore.Internal;
using NodaTime.Testing;

namespace AfterSales.EntityFrameworkCore.Tests;

/// <summary>The catalogs' memory of each tenant's latest versions, on its own.</summary>
public sealed class RememberedVersionsTests
{
    [Fact]
    public async Task GetAsync_AReadThatASaveRaced_IsNotKept()
    {
        var clock = FakeClock.FromUtc(2026, 11, 30, 0, 0, 0);
        var memory = new RememberedVersions(clock, Duration.FromSeconds(1));
        var reads = 0;
        var stored = 1;

        // The first read sees version 1; a save of version 2 commits and forgets before the read returns.
        var first = await memory.GetAsync("t", "p", _ =>
        {
            reads++;
            var seen = stored;
            stored = 2;
            memory.Forget("t", "p");
            return Task.FromResult(new List<(string, int)> { ("p", seen) });
        }, CancellationToken.None);
        var second = await memory.GetAsync("t", "p", _ => Task.FromResult(new List<(string, int)> { ("p", ++reads + stored - 1) }), CancellationToken.None);

        Assert.Equal(1, Assert.Single(first).Version);
        Assert.Equal(2, reads);
        Assert.Equal(3, Assert.Single(second).Version);
    }

    [Fact]
    public async Task GetAsync_AClockThatWentBack_AsksAgain()
    {
        var clock = FakeClock.FromUtc(2026, 11, 30, 0, 0, 0);
        var memory = new RememberedVersions(clock, Duration.FromSeconds(1));
        var reads = 0;
        Task<List<(string, int)>> Read(CancellationToken _) => Task.FromResult(new List<(string, int)> { ("p", ++reads) });
        await memory.GetAsync("t", null, Read, CancellationToken.None);
        await memory.GetAsync("t", null, Read, CancellationToken.None);
        Assert.Equal(1, reads);

        clock.Reset(clock.GetCurrentInstant() - Duration.FromMinutes(1));

        Assert.Equal(2, Assert.Single(await memory.GetAsync("t", null, Read, CancellationToken.None)).Version);
    }
}
