namespace AfterSales.WorkOrders;

/// <summary>A confirmation that the customer's data was backed up before on-site changes (数据备份确认, R-WO-7). Immutable.</summary>
public sealed record TicketDataBackup
{
    /// <summary>Who confirmed it (the engineer, or the customer's administrator).</summary>
    public required string ConfirmedBy { get; init; }

    /// <summary>What was backed up and where, optionally.</summary>
    public string? Note { get; init; }
}
