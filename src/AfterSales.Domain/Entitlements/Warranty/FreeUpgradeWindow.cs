namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// How long software upgrades stay free (免费升级), R-WAR-8: for a period from the warranty start
/// (10 years in seed 003), for life (终身免费升级, seed 004), or not at all beyond the warranty.
/// </summary>
/// <remarks>Immutable. The window counts from the same start day as the software's warranty term.</remarks>
public sealed class FreeUpgradeWindow
{
    private FreeUpgradeWindow(Period? length, bool lifetime)
    {
        Length = length;
        IsLifetime = lifetime;
    }

    /// <summary>No free upgrades beyond what the warranty itself covers.</summary>
    public static FreeUpgradeWindow None { get; } = new(null, false);

    /// <summary>Free upgrades for the life of the product (终身免费升级, seed 004).</summary>
    public static FreeUpgradeWindow Lifetime { get; } = new(null, true);

    /// <summary>Free upgrades for <paramref name="length"/> from the start (e.g. 10 years, seed 003).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is not a positive number of years and months.</exception>
    public static FreeUpgradeWindow For(Period length) => new(EntitlementGuard.YearsAndMonths(length), false);

    /// <summary>The window's length; <see langword="null"/> for <see cref="None"/> and <see cref="Lifetime"/>.</summary>
    public Period? Length { get; }

    /// <summary>Whether upgrades are free for life.</summary>
    public bool IsLifetime { get; }

    /// <summary>Whether an upgrade on <paramref name="on"/> is free for a product whose window starts on <paramref name="start"/>.</summary>
    /// <remarks>The window is half-open: free from <paramref name="start"/> up to, not including, start + length.</remarks>
    public bool Covers(LocalDate start, LocalDate on) =>
        IsLifetime || (Length is { } length && on >= start && on < start.Plus(length));

    /// <inheritdoc />
    public override string ToString() => IsLifetime ? "lifetime free upgrades" : Length is { } l ? $"free upgrades for {l}" : "no free upgrades";
}
