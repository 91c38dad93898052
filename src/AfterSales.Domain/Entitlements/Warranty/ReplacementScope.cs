namespace AfterSales.Entitlements.Warranty;

/// <summary>What was replaced on a warranted item, which decides whether its warranty restarts (R-WAR-3).</summary>
public enum ReplacementScope
{
    /// <summary>The whole device or unit was replaced (整机更换): a fresh warranty where the contract grants one.</summary>
    WholeUnit,

    /// <summary>A key part (关键部件) was replaced: a fresh warranty for it where the contract grants one.</summary>
    KeyPart,

    /// <summary>A minor part or consumable was replaced: the warranty runs on unchanged.</summary>
    MinorPart,
}
