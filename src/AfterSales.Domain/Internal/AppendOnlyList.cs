using System.Collections;

namespace AfterSales.Internal;

/// <summary>
/// An immutable list whose <see cref="Add"/> costs amortised O(1): versions of one list share a
/// backing array, and the first version to append at a slot writes it in place; any other version
/// appending there (an older one, or a loser of the race) copies. Indexing is O(1) and a prefix
/// (<see cref="Take"/>) is free.
/// </summary>
/// <remarks>
/// A ticket's timeline grows by one entry per event and is replayed on every load, so copying the
/// array per append made a load O(n²) in allocation.
/// <c>System.Collections.Immutable</c>'s <c>ImmutableList</c> appends in O(log n) but indexes in
/// O(log n) and has no free prefix, which the clocks (indexed scans) and a ticket's earlier versions
/// (prefixes) need; <c>ImmutableArray</c> copies on every add.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class AppendOnlyList<T> : IReadOnlyList<T>
{
    private readonly Backing backing;
    private readonly int count;

    private AppendOnlyList(Backing backing, int count)
    {
        this.backing = backing;
        this.count = count;
    }

    /// <summary>The empty list.</summary>
    public static AppendOnlyList<T> Empty { get; } = new(new Backing(0), 0);

    /// <inheritdoc />
    public int Count => count;

    /// <inheritdoc />
    public T this[int index] => (uint)index < (uint)count
        ? backing.Items[index]
        : throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be 0 to {count - 1}.");

    /// <summary>A list of these items and then <paramref name="item"/>; this list is unchanged.</summary>
    public AppendOnlyList<T> Add(T item)
    {
        var shared = backing;
        if (count < shared.Items.Length && Interlocked.CompareExchange(ref shared.Used, count + 1, count) == count)
        {
            // This slot was never handed out: no other version can see it until this one is published.
            shared.Items[count] = item;
            return new(shared, count + 1);
        }

        var grown = new Backing(Math.Max(4, count * 2)) { Used = count + 1 };
        Array.Copy(shared.Items, grown.Items, count);
        grown.Items[count] = item;
        return new(grown, count + 1);
    }

    /// <summary>The first <paramref name="length"/> items (all of them when the list is shorter).</summary>
    public AppendOnlyList<T> Take(int length) => length >= count ? this : new(backing, Math.Max(0, length));

    /// <summary>The items as a span.</summary>
    public ReadOnlySpan<T> AsSpan() => backing.Items.AsSpan(0, count);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return backing.Items[i];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private sealed class Backing(int capacity)
    {
        public readonly T[] Items = new T[capacity];

        // How many slots have been handed out; only ever grows.
        public int Used;
    }
}
