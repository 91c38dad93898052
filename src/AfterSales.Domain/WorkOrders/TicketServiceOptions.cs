using AfterSales.Entitlements;

namespace AfterSales.WorkOrders;

/// <summary>
/// What a <see cref="TicketService"/> works with beyond its store, catalog and clock (工单服务设置):
/// the default policy, the bound on back-dated facts, and the optional collaborators that join other
/// aggregates to the ticket. <c>AddAfterSales</c> fills it from <see cref="AfterSalesOptions"/>.
/// </summary>
public sealed class TicketServiceOptions
{
    /// <summary>The policy id <see cref="TicketService.ReportAsync(TicketReport, CancellationToken)"/> uses, if any.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? DefaultPolicyId { get; init; }

    /// <summary>How far back a command's <c>occurredAt</c> may lie (补录时限); see <see cref="Ticket.Backdate"/>.</summary>
    /// <value>The default value is 24 hours.</value>
    public Duration MaxBackdating { get; init; } = AfterSalesOptions.DefaultMaxBackdating;

    /// <summary>The entitlement check run at report (R-WO-1), or <see langword="null"/> to record none.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public EntitlementService? Entitlements { get; init; }

    /// <summary>
    /// The repairs the tickets recorded per device (R-WAR-6): with <see cref="Entitlements"/>, a resolve
    /// that crosses the device's repair-count rule records a <see cref="TicketEventKind.ReplacementObligationRaised"/>
    /// event in the same save; <see langword="null"/> to raise none.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Entitlements.Warranty.IDeviceRepairLog? RepairLog { get; init; }

    /// <summary>The tenants' tendered price lists quotes are built from (R-WAR-8), or <see langword="null"/> when the service quotes nothing.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Entitlements.Quotes.IPriceListCatalog? PriceLists { get; init; }

    /// <summary>The stock ledgers loaners are lent from (<see cref="TicketService.LendLoanerAsync"/>), if any.</summary>
    public Entitlements.Spares.IStockLedgerStore? StockLedgers { get; init; }

    /// <summary>
    /// The tenants' engineers and duty rotas (R-ORG-1/2): with them, a dispatch names a kept engineer on
    /// duty, or overrides the rota with a reason (<see cref="TicketService.DispatchAsync(string, TicketId, string, string?, int?, Instant?, CancellationToken)"/>);
    /// <see langword="null"/> to dispatch by name alone.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public People.IEngineerStore? Engineers { get; init; }
}
