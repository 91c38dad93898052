namespace AfterSales.Quality.Inspections;

/// <summary>The checklists of the seed plans (R-IN-3).</summary>
public static class Checklists
{
    /// <summary>
    /// Seed 000, the self-service kiosk's yearly inspection (自助终端巡检): casing, power, network,
    /// touch screen calibration, display brightness, card reader, bill acceptor, cash box, print
    /// head cleaning, PC, software.
    /// </summary>
    public static Checklist Kiosk000 { get; } = new(
        "kiosk",
        "自助终端巡检",
        "self-service kiosk inspection",
        [
            new("casing", "设备外观完整情况", "casing intact"),
            new("power", "设备供电", "power supply"),
            new("network", "网络是否正常", "network"),
            new("touch-screen", "触摸屏定位是否准确", "touch screen calibration"),
            new("display", "显示器亮度是否正常", "display brightness"),
            new("card-reader", "读卡设备是否正常", "card reader"),
            new("bill-acceptor", "纸币识别器", "bill acceptor"),
            new("cash-box", "钞箱是否正常", "cash box"),
            new("print-head", "清洁打印头", "print head cleaned"),
            new("pc", "计算机工作是否正常", "PC"),
            new("software", "软件运行是否正常", "software"),
        ]);

    /// <summary>
    /// Seed 004, the CCTV system's monthly inspection (监控系统定期巡检): network, lines, image
    /// quality, matrix and wall switching, lens, pan-tilt, cabinets, outdoor lightning protection.
    /// </summary>
    public static Checklist Cctv004 { get; } = new(
        "cctv",
        "监控系统巡检",
        "CCTV inspection",
        [
            new("network", "网络检查", "network"),
            new("lines", "线路检查", "lines"),
            new("image-quality", "图像质量检查", "image quality"),
            new("matrix", "矩阵及电视墙切换", "matrix and video wall switching"),
            new("lens", "镜头检查", "lens"),
            new("pan-tilt", "云台检查", "pan-tilt"),
            new("cabinets", "机柜检查", "cabinets"),
            new("lightning-protection", "室外防雷设备检查", "outdoor lightning protection"),
        ]);
}
