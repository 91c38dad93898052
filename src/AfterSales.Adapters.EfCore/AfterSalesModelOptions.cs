using System.Text.RegularExpressions;

namespace AfterSales.EntityFrameworkCore;

/// <summary>
/// Where AfterSales.Kit's tables go in a host's model (表映射选项): an optional schema and a table-name
/// prefix. Passed to <c>modelBuilder.ApplyAfterSalesConfiguration(options =&gt; …)</c>.
/// </summary>
/// <remarks>
/// Names are validated when the model is built: letters, digits and underscores only, because
/// <see cref="AfterSalesSchema"/> and the claim query put them into SQL. SQLite has no schemas:
/// <see cref="Schema"/> is ignored there (EF Core's SQLite provider ignores it too).
/// </remarks>
public sealed partial class AfterSalesModelOptions
{
    /// <summary>The database schema of the tables (PostgreSQL), or <see langword="null"/> for the connection's default.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? Schema { get; set; }

    /// <summary>Prepended to every table, key and index name, e.g. <c>aftersales_tickets</c>.</summary>
    /// <value>The default value is <c>"aftersales_"</c>.</value>
    public string TablePrefix { get; set; } = "aftersales_";

    /// <summary>The tickets table's name.</summary>
    public string TicketsTable => TablePrefix + "tickets";

    /// <summary>The ticket events table's name.</summary>
    public string EventsTable => TablePrefix + "ticket_events";

    /// <summary>The spare-stock movements table's name (备件出入库记录).</summary>
    public string StockMovementsTable => TablePrefix + "stock_movements";

    /// <summary>The complaints table's name (投诉).</summary>
    public string ComplaintsTable => TablePrefix + "complaints";

    /// <summary>The device warranty records table's name (设备质保档案).</summary>
    public string DevicesTable => TablePrefix + "devices";

    /// <summary>The outbox table's name (发件箱): every event, in the transaction of its change.</summary>
    public string OutboxTable => TablePrefix + "outbox";

    /// <summary>The webhook subscriptions table's name.</summary>
    public string WebhookSubscriptionsTable => TablePrefix + "webhook_subscriptions";

    /// <summary>The webhook deliveries table's name.</summary>
    public string WebhookDeliveriesTable => TablePrefix + "webhook_deliveries";
    /// <summary>The tenants' calendar versions table's name (日历版本).</summary>
    public string CalendarsTable => TablePrefix + "calendars";

    /// <summary>The stock positions table's name (备件库存与装机量): per centre and part, the ledger's balance and the installed base.</summary>
    public string StockPositionsTable => TablePrefix + "stock_positions";

    /// <summary>The replenishment runs table's name (备件月度补充), one row per month and centre.</summary>
    public string ReplenishmentRunsTable => TablePrefix + "replenishment_runs";

    /// <summary>The tendered price lists table's name (投标报价单), one row per version.</summary>
    public string PriceListsTable => TablePrefix + "price_lists";
    /// <summary>The tenants' SLA policy versions table's name (服务级别协议版本).</summary>
    public string PoliciesTable => TablePrefix + "sla_policies";

    /// <summary>The idempotency keys table's name (幂等键), of <see cref="EfCoreIdempotencyStore{TContext}"/>.</summary>
    public string IdempotencyKeysTable => TablePrefix + "idempotency_keys";

    /// <summary>The satisfaction surveys table's name (满意度调查).</summary>
    public string QualitySurveysTable => TablePrefix + "quality_surveys";

    /// <summary>The customer callbacks table's name (回访记录).</summary>
    public string QualityCallbacksTable => TablePrefix + "quality_callbacks";

    /// <summary>The parts shipments table's name (备件发货).</summary>
    public string QualityShipmentsTable => TablePrefix + "quality_shipments";

    /// <summary>The inspection plans table's name (巡检计划).</summary>
    public string InspectionPlansTable => TablePrefix + "inspection_plans";

    /// <summary>The inspection records table's name (巡检记录).</summary>
    public string InspectionRecordsTable => TablePrefix + "inspection_records";

    /// <summary>The quality terms versions table's name (质量考核条款).</summary>
    public string QualityTermsTable => TablePrefix + "quality_terms";

    /// <summary>The due notices table's name (到期通知).</summary>
    public string DueNoticesTable => TablePrefix + "due_notices";

    /// <summary>The engineers table's name (工程师, R-ORG-1).</summary>
    public string EngineersTable => TablePrefix + "engineers";

    /// <summary>The duty rotas table's name (值班表, R-ORG-2).</summary>
    public string DutyRotasTable => TablePrefix + "duty_rotas";

    /// <summary>The engineer dispatches table's name (派工记录): the index of the tickets an engineer was dispatched to.</summary>
    public string EngineerDispatchesTable => TablePrefix + "engineer_dispatches";

    /// <summary>The schema history table's name, written by <see cref="AfterSalesSchema.MigrateAsync"/>.</summary>
    public string HistoryTable => TablePrefix + "schema_history";

    /// <summary>Checks the options.</summary>
    /// <exception cref="InvalidOperationException">A name is invalid; the message names the option.</exception>
    public void Validate()
    {
        if (TablePrefix is null || (TablePrefix.Length > 0 && !Identifier().IsMatch(TablePrefix)) || TablePrefix.Length > 40)
        {
            throw new InvalidOperationException(
                $"TablePrefix must be at most 40 letters, digits or underscores, starting with a letter or underscore, was '{TablePrefix}'.");
        }

        if (Schema is not null && (!Identifier().IsMatch(Schema) || Schema.Length > 63))
        {
            throw new InvalidOperationException(
                $"Schema must be null or at most 63 letters, digits or underscores, starting with a letter or underscore, was '{Schema}'.");
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
