namespace AfterSales.Entitlements.Warranty;

/// <summary>
/// Ready-made warranty policies with the numbers of the seed plans (R-WAR-1 … R-WAR-10). Each is a
/// starting point: adjust it with the <c>With…</c> methods for the actual contract.
/// </summary>
public static class WarrantyPresets
{
    /// <summary>
    /// Seed 000, self-service kiosks: back-end software (后台软件) warranted 1 year (保修期为1年); new
    /// software versions free for life (均及时免费提供给买方升级); spare parts supplied 10 years from
    /// purchase (R-WAR-9). The plan states no separate hardware length; the hardware term of 1 year
    /// is an assumption to adjust per contract.
    /// </summary>
    public static WarrantyPolicy Kiosk000 { get; } =
        WarrantyPolicy.Create("cn-000-kiosk", "硬件及后台软件质保 (kiosks, seed 000)",
                WarrantyTerm.Create(ComponentClass.Hardware, Period.FromYears(1)),
                WarrantyTerm.Create(ComponentClass.Software, Period.FromYears(1)).WithFreeUpgrades(FreeUpgradeWindow.Lifetime))
            .WithSparePartsSupply(Period.FromYears(10));

    /// <summary>
    /// Seed 001, lighting: all goods 2 years from the acceptance certificate (验收证书签发日起2年);
    /// packed spares suspended on the shelf at most 5 years; latent-defect warranty 24 months after
    /// expiry; a part or a whole lamp repaired more than 3 times is replaced.
    /// </summary>
    public static WarrantyPolicy Lighting001 { get; } =
        WarrantyPolicy.Create("cn-001-lighting", "灯具质量保证 (lighting, seed 001)",
                WarrantyTerm.Create(ComponentClass.Hardware, Period.FromYears(2))
                    .WithShelfSuspension(Period.FromYears(5))
                    .WithLatentDefectWindow(Period.FromMonths(24)))
            .WithRepairLimit(3);

    /// <summary>
    /// Seed 001, solar water heaters: main unit (主机: tank, collector tubes, frame) 3 years, pipes,
    /// fittings and electrics 1 year (管路配件及电器部分保修壹年); the plan's four exclusions (R-WAR-7).
    /// </summary>
    public static WarrantyPolicy SolarWaterHeater001 { get; } =
        WarrantyPolicy.Create("cn-001-solar", "太阳能热水器保修 (solar water heaters, seed 001)",
                WarrantyTerm.Create(ComponentClass.MainUnit, Period.FromYears(3)),
                WarrantyTerm.Create(ComponentClass.PipesAndElectrics, Period.FromYears(1)))
            .WithExclusions(WarrantyExclusion.Standard);

    /// <summary>
    /// Seed 001, equipment: 1 year counted from the day after completion and acceptance were signed
    /// (自设备完成并验收签字次日开始计算,质保期为一年).
    /// </summary>
    public static WarrantyPolicy Equipment001 { get; } =
        WarrantyPolicy.Create("cn-001-equipment", "设备一年质保 (equipment, seed 001)",
            WarrantyTerm.Create(ComponentClass.Hardware, Period.FromYears(1), WarrantyStartRule.DayAfterAcceptance));

    /// <summary>
    /// Seed 002, system integration: hardware 3 years under "三包", except damage from improper use,
    /// maintenance or storage and force majeure (用户因使用、维护、保管不当和因不可抗拒力造成损坏的除外);
    /// for a system problem the data is backed up before the work (实施前资料必须备份, R-WO-7).
    /// The plan blanks its number of years; 3 is the digest's reading (R-WAR-1).
    /// </summary>
    public static WarrantyPolicy SystemIntegration002 { get; } =
        WarrantyPolicy.Create("cn-002-integration", "系统集成三包 (system integration, seed 002)",
                WarrantyTerm.Create(ComponentClass.Hardware, Period.FromYears(3)))
            .WithExclusions(WarrantyExclusion.ImproperUse, WarrantyExclusion.ImproperStorage, WarrantyExclusion.ForceMajeure)
            .WithDataBackupBeforeChanges();

    /// <summary>
    /// Seed 003, enterprise systems: equipment 2 years (质量保证期为2年); a replaced device or key part
    /// gets a fresh warranty (更换的合同设备和(或)关键部件的质量保证期应重新计算); software upgrades free
    /// for 10 years (保证10年内软件免费升级).
    /// </summary>
    public static WarrantyPolicy EnterpriseSystems003 { get; } =
        WarrantyPolicy.Create("cn-003-enterprise", "设备质保承诺 (enterprise systems, seed 003)",
            WarrantyTerm.Create(ComponentClass.Hardware, Period.FromYears(2)).WithRestartOnReplacement(),
            WarrantyTerm.Create(ComponentClass.Software, Period.FromYears(2)).WithFreeUpgrades(FreeUpgradeWindow.For(Period.FromYears(10))));

    /// <summary>
    /// Seed 004, CCTV: the system 36 months after acceptance and formal handover
    /// (系统验收合格并办理正式移交使用手续后36个月); system software upgrades free for life.
    /// </summary>
    public static WarrantyPolicy Cctv004 { get; } =
        WarrantyPolicy.Create("cn-004-cctv", "监控系统质保 (CCTV, seed 004)",
            WarrantyTerm.Create(ComponentClass.System, Period.FromMonths(36), WarrantyStartRule.AcceptanceAndHandover),
            WarrantyTerm.Create(ComponentClass.Software, Period.FromMonths(36), WarrantyStartRule.AcceptanceAndHandover)
                .WithFreeUpgrades(FreeUpgradeWindow.Lifetime));

    /// <summary>All presets.</summary>
    public static IReadOnlyList<WarrantyPolicy> All { get; } =
        [Kiosk000, Lighting001, SolarWaterHeater001, Equipment001, SystemIntegration002, EnterpriseSystems003, Cctv004];
}
