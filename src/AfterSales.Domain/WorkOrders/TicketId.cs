using System.Globalization;

namespace AfterSales.WorkOrders;

/// <summary>
/// The identity of a work order (工单编号): an opaque, case-sensitive string, unique within a tenant.
/// Create one from a string the host assigns (e.g. <c>"WO-2026-000123"</c>) or from a <see cref="Guid"/>.
/// </summary>
/// <remarks>Two ids are equal when their values are equal (ordinal). <c>default(TicketId)</c> is not a
/// valid id; <see cref="IsEmpty"/> tells it apart, and the aggregate rejects it.</remarks>
public readonly struct TicketId : IEquatable<TicketId>
{
    private readonly string? value;

    private TicketId(string value) => this.value = value;

    /// <summary>The id's text; empty for <c>default(TicketId)</c>.</summary>
    public string Value => value ?? string.Empty;

    /// <summary>Whether this is <c>default(TicketId)</c>, which identifies nothing.</summary>
    public bool IsEmpty => value is null;

    /// <summary>An id from a string the host assigns.</summary>
    /// <param name="value">An <see cref="Identifier"/>: 1 to 100 printable characters without <c>/</c>, <c>\</c> or control characters.</param>
    /// <exception cref="ArgumentException"><paramref name="value"/> breaks the <see cref="Identifier"/> rule.</exception>
    public static TicketId From(string value) => new(Identifier.Check(value));

    /// <summary>An id from a <see cref="Guid"/>, written as 32 lower-case hex digits.</summary>
    /// <param name="guid">Not <see cref="Guid.Empty"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="guid"/> is empty.</exception>
    public static TicketId FromGuid(Guid guid) =>
        guid == Guid.Empty
            ? throw new ArgumentException("guid must not be Guid.Empty.", nameof(guid))
            : new TicketId(guid.ToString("N", CultureInfo.InvariantCulture));

    /// <inheritdoc />
    public bool Equals(TicketId other) => string.Equals(value, other.value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TicketId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => value is null ? 0 : StringComparer.Ordinal.GetHashCode(value);

    /// <summary>Equality.</summary>
    public static bool operator ==(TicketId left, TicketId right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(TicketId left, TicketId right) => !left.Equals(right);

    /// <summary>The id's text.</summary>
    public override string ToString() => Value;
}
