namespace AfterSales.WorkOrders;

/// <summary>Who reported the fault (报障人), R-WO-1: name, company or department, and how to reach them. Immutable; value equality.</summary>
public sealed record TicketReporter
{
    /// <summary>The person's name (报障人姓名).</summary>
    public required string Name { get; init; }

    /// <summary>Their company or department (单位/部门).</summary>
    public required string Organization { get; init; }

    /// <summary>How to reach them: phone, e-mail … (联系方式).</summary>
    public required string Contact { get; init; }
}
