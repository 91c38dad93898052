namespace AfterSales.WorkOrders;

/// <summary>The customer's signature on the service report (服务报告签字) with a satisfaction rating (满意度), R-WO-8. Immutable; value equality.</summary>
public sealed record TicketSignOff
{
    /// <summary>Who signed for the customer (签字人).</summary>
    public required string Signer { get; init; }

    /// <summary>The satisfaction rating (满意度), 1 (very dissatisfied) to 5 (very satisfied).</summary>
    public required int Satisfaction { get; init; }

    /// <summary>The customer's comment (客户意见), if any.</summary>
    public string? Comment { get; init; }
}
