namespace AfterSales.Quality.Complaints;

/// <summary>Where a complaint stands (投诉状态).</summary>
public enum ComplaintStatus
{
    /// <summary>Being handled (处理中).</summary>
    Open,

    /// <summary>Closed (结案): solved and the customer satisfied.</summary>
    Closed,
}
