using System.Globalization;

namespace AfterSales.Events;

/// <summary>
/// Where an event stands in its tenant's log (事件游标), in the order readers see it: a transaction
/// number, then a sequence within it. A reader resumes after a position and never sees an earlier one
/// appear later (see <see cref="IEventFeed"/>). As text (a cursor): <c>{transaction}-{sequence}</c>.
/// </summary>
public readonly struct EventPosition : IEquatable<EventPosition>, IComparable<EventPosition>
{
    /// <summary>Creates a position.</summary>
    public EventPosition(long transaction, long sequence)
    {
        Transaction = transaction;
        Sequence = sequence;
    }

    /// <summary>Before every event.</summary>
    public static EventPosition Start => default;

    /// <summary>The committing transaction's number where the store has one (PostgreSQL), else 0.</summary>
    public long Transaction { get; }

    /// <summary>The event's sequence number, increasing within a transaction.</summary>
    public long Sequence { get; }

    /// <summary>Parses a cursor written by <see cref="ToString"/>.</summary>
    public static bool TryParse(string? text, out EventPosition position)
    {
        position = default;
        var dash = text?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (text is null || dash <= 0
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var transaction)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        position = new EventPosition(transaction, sequence);
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(EventPosition other) => Transaction != other.Transaction ? Transaction.CompareTo(other.Transaction) : Sequence.CompareTo(other.Sequence);

    /// <inheritdoc />
    public bool Equals(EventPosition other) => Transaction == other.Transaction && Sequence == other.Sequence;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EventPosition other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Transaction, Sequence);

    /// <summary>The cursor: <c>{transaction}-{sequence}</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Transaction}-{Sequence}");

    /// <summary>Equality.</summary>
    public static bool operator ==(EventPosition left, EventPosition right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(EventPosition left, EventPosition right) => !left.Equals(right);

    /// <summary>Order.</summary>
    public static bool operator <(EventPosition left, EventPosition right) => left.CompareTo(right) < 0;

    /// <summary>Order.</summary>
    public static bool operator >(EventPosition left, EventPosition right) => left.CompareTo(right) > 0;

    /// <summary>Order.</summary>
    public static bool operator <=(EventPosition left, EventPosition right) => left.CompareTo(right) <= 0;

    /// <summary>Order.</summary>
    public static bool operator >=(EventPosition left, EventPosition right) => left.CompareTo(right) >= 0;
}
