namespace AfterSales.WorkOrders;

/// <summary>Thrown when a command names a work order the tenant does not have (工单不存在).</summary>
public sealed class TicketNotFoundException : AfterSalesException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="tenantId">The tenant asked.</param>
    /// <param name="ticketId">The work order asked for.</param>
    public TicketNotFoundException(string tenantId, TicketId ticketId)
        : base($"Work order '{ticketId}' was not found for tenant '{tenantId}'.")
    {
        TenantId = tenantId;
        TicketId = ticketId;
    }

    /// <summary>The tenant asked.</summary>
    public string TenantId { get; }

    /// <summary>The work order asked for.</summary>
    public TicketId TicketId { get; }
}
