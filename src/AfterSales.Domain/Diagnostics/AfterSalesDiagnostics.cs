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
/// <see cref="ClocksWarned"/>, <see cref="ClocksBreached"/>, <see cref="ClocksMetLate"/> and
/// <see cref="StoreOperationDuration"/>. Tag values are low-cardinality (policy, severity, channel,
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

    /// <summary>The duration of a store operation in seconds, tagged <c>aftersales.store</c>, <c>aftersales.operation</c> and, on failure, <c>error.type</c>.</summary>
    public const string StoreOperationDuration = "aftersales.store.operation.duration";
}
