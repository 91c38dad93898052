namespace AfterSales.EntityFrameworkCore.Storage;

/// <summary>A callback made about a work order (回访记录行). Written only by <see cref="EfCoreQualityRecordStore{TContext}"/>.</summary>
public sealed class QualityCallbackRow
{
    /// <summary>The tenant.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The record's id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The work order called about.</summary>
    public string WorkOrderId { get; set; } = string.Empty;

    /// <summary>When the call was made.</summary>
    public Instant CalledAt { get; set; }

    /// <summary>Who called.</summary>
    public string CalledBy { get; set; } = string.Empty;

    /// <summary>Whether the customer was reached.</summary>
    public bool Reached { get; set; }

    /// <summary>A note, possibly empty.</summary>
    public string Note { get; set; } = string.Empty;
}
