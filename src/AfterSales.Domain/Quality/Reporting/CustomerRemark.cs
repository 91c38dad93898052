namespace AfterSales.Quality.Reporting;

/// <summary>A customer's suggestion or comment (客户意见和建议) with the work order and day it came with. Immutable.</summary>
public sealed class CustomerRemark
{
    internal CustomerRemark(string workOrderId, LocalDate on, string text)
    {
        WorkOrderId = workOrderId;
        On = on;
        Text = text;
    }

    /// <summary>The work order.</summary>
    public string WorkOrderId { get; }

    /// <summary>The day it was given.</summary>
    public LocalDate On { get; }

    /// <summary>What the customer said.</summary>
    public string Text { get; }
}
