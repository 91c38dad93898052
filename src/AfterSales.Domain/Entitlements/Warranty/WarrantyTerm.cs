using AfterSales.Internal;

namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// One warranty promise of a contract for one <see cref="ComponentClass"/> (质保条款): its length,
/// the day it starts, the latent-defect window after it, the shelf suspension of packed spares,
/// and whether a replacement restarts it (R-WAR-1 … R-WAR-5).
/// </summary>
/// <remarks>
/// Immutable; the <c>With…</c> methods return a new term. Lengths are NodaTime <see cref="Period"/>s
/// of whole years and months, added to a <see cref="LocalDate"/> with NodaTime's calendar
/// arithmetic (2024-02-29 + 1 year = 2025-02-28).
/// </remarks>
public sealed class WarrantyTerm
{
    private WarrantyTerm(
        ComponentClass component, Period length, WarrantyStartRule startRule, Period latentDefectWindow,
        Period shelfSuspensionCap, bool restartsOnReplacement, FreeUpgradeWindow freeUpgrades)
    {
        Component = component;
        Length = length;
        StartRule = startRule;
        LatentDefectWindow = latentDefectWindow;
        ShelfSuspensionCap = shelfSuspensionCap;
        RestartsOnReplacement = restartsOnReplacement;
        FreeUpgrades = freeUpgrades;
    }

    /// <summary>Creates a term with no latent-defect window, no shelf suspension, no restart on replacement and no free upgrades.</summary>
    /// <param name="component">The components the term covers.</param>
    /// <param name="length">The warranty length, e.g. <c>Period.FromYears(2)</c> or <c>Period.FromMonths(36)</c>.</param>
    /// <param name="startRule">When it starts; by default at acceptance, else completion (R-WAR-2).</param>
    /// <exception cref="ArgumentException"><paramref name="length"/> is not a positive number of years and months.</exception>
    public static WarrantyTerm Create(ComponentClass component, Period length, WarrantyStartRule startRule = WarrantyStartRule.Acceptance)
    {
        Guard.NotNull(component);
        EntitlementGuard.YearsAndMonths(length);
        if (!Enum.IsDefined(startRule))
        {
            throw new ArgumentOutOfRangeException(nameof(startRule), startRule, $"startRule must be a defined {nameof(WarrantyStartRule)}, was {startRule}.");
        }

        return new WarrantyTerm(component, length, startRule, Period.Zero, Period.Zero, false, FreeUpgradeWindow.None);
    }

    /// <summary>The components covered.</summary>
    public ComponentClass Component { get; }

    /// <summary>The warranty length (质保期).</summary>
    public Period Length { get; }

    /// <summary>The day the warranty starts counting.</summary>
    public WarrantyStartRule StartRule { get; }

    /// <summary>The latent-defect window after the warranty ends (潜在缺陷保证期, R-WAR-4); <see cref="Period.Zero"/> when none.</summary>
    public Period LatentDefectWindow { get; }

    /// <summary>The most shelf time of a packed spare that suspends its warranty (搁置期, R-WAR-5); <see cref="Period.Zero"/> when none.</summary>
    public Period ShelfSuspensionCap { get; }

    /// <summary>Whether a replaced unit or key part gets a fresh warranty (质量保证期应重新计算, R-WAR-3).</summary>
    public bool RestartsOnReplacement { get; }

    /// <summary>How long software upgrades stay free (R-WAR-8).</summary>
    public FreeUpgradeWindow FreeUpgrades { get; }

    /// <summary>Returns this term with a latent-defect window after expiry (e.g. 24 months, seed 001).</summary>
    /// <exception cref="ArgumentException"><paramref name="window"/> is not a non-negative number of years and months.</exception>
    public WarrantyTerm WithLatentDefectWindow(Period window) =>
        new(Component, Length, StartRule, EntitlementGuard.YearsAndMonths(window, allowZero: true), ShelfSuspensionCap, RestartsOnReplacement, FreeUpgrades);

    /// <summary>Returns this term with the warranty of packed spares suspended on the shelf, up to <paramref name="cap"/> (e.g. 5 years, seed 001).</summary>
    /// <exception cref="ArgumentException"><paramref name="cap"/> is not a non-negative number of years and months.</exception>
    public WarrantyTerm WithShelfSuspension(Period cap) =>
        new(Component, Length, StartRule, LatentDefectWindow, EntitlementGuard.YearsAndMonths(cap, allowZero: true), RestartsOnReplacement, FreeUpgrades);

    /// <summary>Returns this term with (or without) a fresh warranty for a replaced unit or key part (seed 003).</summary>
    public WarrantyTerm WithRestartOnReplacement(bool restarts = true) =>
        new(Component, Length, StartRule, LatentDefectWindow, ShelfSuspensionCap, restarts, FreeUpgrades);

    /// <summary>Returns this term with a free software-upgrade window.</summary>
    public WarrantyTerm WithFreeUpgrades(FreeUpgradeWindow window) =>
        new(Component, Length, StartRule, LatentDefectWindow, ShelfSuspensionCap, RestartsOnReplacement, Guard.NotNull(window));

    /// <inheritdoc />
    public override string ToString() => $"{Component}: {Length} from {StartRule}";
}
