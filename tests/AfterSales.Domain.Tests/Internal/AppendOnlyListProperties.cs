using AfterSales.Internal;
using FsCheck.Xunit;

namespace AfterSales.Tests.Internal;

/// <summary>
/// The timeline's list shares one array between its versions: whatever is appended to or taken from
/// any version, every version must still read exactly as a copied array (the slow, obvious reference) would.
/// </summary>
public class AppendOnlyListProperties
{
    /// <summary>One step: on the version picked, append <c>Value</c>, or take a prefix of <c>Value</c> items.</summary>
    public sealed record Step(int Pick, int Value, bool Take);

    [Property(MaxTest = 500)]
    public void EveryVersion_ReadsAsItsCopiedArray(Step[] steps)
    {
        var versions = new List<(AppendOnlyList<int> List, int[] Reference)> { (AppendOnlyList<int>.Empty, []) };
        foreach (var step in steps ?? [])
        {
            if (step is null)
            {
                continue;
            }

            var (list, reference) = versions[(int)((uint)step.Pick % (uint)versions.Count)];
            if (step.Take)
            {
                var length = (int)((uint)step.Value % (uint)(reference.Length + 1));
                versions.Add((list.Take(length), reference[..length]));
            }
            else
            {
                versions.Add((list.Add(step.Value), [.. reference, step.Value]));
            }
        }

        foreach (var (list, reference) in versions)
        {
            Assert.Equal(reference.Length, list.Count);
            Assert.Equal(reference, list);
            Assert.Equal(reference, list.AsSpan().ToArray());
            Assert.Equal(reference, Enumerable.Range(0, list.Count).Select(i => list[i]));
        }
    }

    [Fact]
    public void Add_FromOneVersionOnManyThreads_EachResultHoldsItsOwnItem()
    {
        var shared = Enumerable.Range(0, 3).Aggregate(AppendOnlyList<int>.Empty, static (l, i) => l.Add(i));
        var results = new AppendOnlyList<int>[64];
        Parallel.For(0, results.Length, i => results[i] = shared.Add(100 + i));

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal([0, 1, 2, 100 + i], results[i]);
        }

        Assert.Equal([0, 1, 2], shared);
    }

    [Fact]
    public void Indexer_PastTheVersionsCount_ThrowsEvenWhenTheSharedArrayHoldsMore()
    {
        var longer = AppendOnlyList<int>.Empty.Add(1).Add(2);
        var shorter = longer.Take(1);

        Assert.Equal(2, longer[1]);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => shorter[1]);
        Assert.Equal("index", error.ParamName);
    }
}
