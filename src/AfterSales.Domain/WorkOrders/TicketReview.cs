namespace AfterSales.WorkOrders;

/// <summary>A periodic review of a legacy issue (遗留问题复核, R-WO-6): who reviewed it and what was decided. Immutable.</summary>
public sealed record TicketReview
{
    /// <summary>Who reviewed it.</summary>
    public required string Reviewer { get; init; }

    /// <summary>What was found and decided, e.g. the next step and whether a report is owed to the customer.</summary>
    public required string Note { get; init; }
}
