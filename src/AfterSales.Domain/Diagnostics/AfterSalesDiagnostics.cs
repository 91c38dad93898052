namespace AfterSales.Diagnostics;

/// <summary>
/// The names AfterSales.Kit's telemetry uses (遥测名称), shared by every package: one
/// <see cref="System.Diagnostics.Metrics.Meter"/> name and one <see cref="System.Diagnostics.ActivitySource"/>
/// name, so a host subscribes once — with OpenTelemetry, <c>.AddMeter(AfterSalesDiagnostics.MeterName)</c>
/// and <c>.AddSource(AfterSalesDiagnostics.ActivitySourceName)</c>. The library references no
/// OpenTelemetry package; each package creates its own meter and source under these names.
/// </summary>
/// <remarks>
/// Instruments (all counters are <c>long</c>): <see cref="TicketsReported"/>, <see cref="CommandsRefused"/>,
/// <see cref="ClocksWarned"/>, <see cref="ClocksBreached"/>, <see cref="ClocksMetLate"/>,
/// <see cref="StoreOperationDuration"/>, and the engine's delivery: <see cref="OutboxDepth"/>,
/// <see cref="DeliveryLatency"/>, <see cref="Deliveries"/> and <see cref="ClaimLag"/>. Tag values are low-cardinality (policy, severity, channel,
/// command, reason, metric, store, operation); tenants and ids appear on spans only.
/// </remarks>
public static class AfterSalesDiagnostics
{
    /// <summary>The meter's name: <c>AfterSales</c>.</summary>
    public const string MeterName = "AfterSales";

    /// <summary>The activity source's name: <c>AfterSales</c>.</summary>
    public const string ActivitySourceName = "AfterSales";

    /// <summary>Work orders reported (报障), tagged <c>aftersales.policy</c>, <c>aftersales.severity</c>, <c>aftersales.channel</c>.</summary>
    public const string TicketsReported = "aftersales.tickets.reported";

    /// <summary>
    /// Work-order commands refused, tagged <c>aftersales.command</c> and <c>aftersales.reason</c>:
    /// <c>not_permitted</c> (the state does not accept it), <c>unmet_guard</c> (a guard is unmet),
    /// <c>stale_version</c> (the caller's expected version is not the stored one) or
    /// <c>concurrent_write</c> (another writer saved first).
    /// </summary>
    public const string CommandsRefused = "aftersales.commands.refused";

    /// <summary>
    /// Warning thresholds of SLA clocks crossed, tagged <c>aftersales.metric</c> and
    /// <c>aftersales.warning_percent</c>: counted once, when the ticket's next command is run after the crossing.
    /// </summary>
    public const string ClocksWarned = "aftersales.clocks.warned";

    /// <summary>SLA clocks found breached (超时) when the ticket's next command is run after the due instant, tagged <c>aftersales.metric</c>.</summary>
    public const string ClocksBreached = "aftersales.clocks.breached";

    /// <summary>SLA clocks stopped after their due instant by a command (met late), tagged <c>aftersales.metric</c>.</summary>
    public const string ClocksMetLate = "aftersales.clocks.met_late";

    /// <summary>
    /// Events waiting in the outbox pipeline, seen by the dispatcher after each pass, tagged
    /// <c>aftersales.stage</c>: <c>dispatch</c> (written, not yet fanned out) or <c>delivery</c> (pending webhook deliveries).
    /// </summary>
    public const string OutboxDepth = "aftersales.outbox.depth";

    /// <summary>
    /// Seconds from an event's instant to its webhook's 2xx answer, tagged <c>aftersales.event_type</c>: for
    /// a clock alert, how late it reached the receiver after its warning or due instant.
    /// </summary>
    public const string DeliveryLatency = "aftersales.webhooks.delivery.latency";

    /// <summary>Webhook deliveries finished, tagged <c>aftersales.outcome</c> (<c>delivered</c>, <c>dead_lettered</c>).</summary>
    public const string Deliveries = "aftersales.webhooks.deliveries";

    /// <summary>Seconds from a work order's deadline to the watcher's claim of it: how long due work waited for a node.</summary>
    public const string ClaimLag = "aftersales.deadlines.claim.lag";

    /// <summary>The duration of a store operation in seconds, tagged <c>aftersales.store</c>, <c>aftersales.operation</c> and, on failure, <c>error.type</c>.</summary>
    public const string StoreOperationDuration = "aftersales.store.operation.duration";
}
