namespace AfterSales.WorkOrders;

/// <summary>How a part sent for return-for-repair came back (返修结果), R-WO-9.</summary>
public enum RmaOutcome
{
    /// <summary>Repaired by the manufacturer and returned (修复返回).</summary>
    Repaired,

    /// <summary>Replaced by the manufacturer with a new part (换新返回).</summary>
    Replaced,

    /// <summary>The manufacturer could not or would not repair it: scrapped or returned unrepaired (无法修复).</summary>
    Unrepairable,
}
