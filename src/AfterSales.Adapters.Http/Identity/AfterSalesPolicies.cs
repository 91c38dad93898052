namespace AfterSales.Http.Identity;

/// <summary>
/// The authorization policies the adapter's endpoints require (授权策略), by name. The adapter applies
/// them; the host decides which users satisfy them by defining policies with these names, e.g.
/// <c>services.AddAuthorizationBuilder().AddPolicy(AfterSalesPolicies.Engineer, p =&gt; p.RequireRole("field-engineer"))</c>.
/// A policy the host leaves undefined gets the default named on each constant.
/// </summary>
/// <remarks>See the HTTP API docs for which endpoint requires which policy.</remarks>
public static class AfterSalesPolicies
{
    /// <summary>
    /// The customer's acts (客户): report a fault, write to the service desk, sign the service report, accept a quote, file a complaint, answer the satisfaction survey.
    /// Default: an authenticated user in role <c>customer</c> or <c>service-manager</c>.
    /// </summary>
    public const string Customer = "AfterSales.Customer";

    /// <summary>
    /// The engineer's acts (工程师): acknowledge, diagnose, dispatch, arrive, restore, resolve, observe, close,
    /// reopen, pause and resume, answer the customer, repair plans, loaners, quotes and parts, spare-stock movements, parts shipments, inspections.
    /// Default: an authenticated user in role <c>engineer</c> or <c>service-manager</c>.
    /// </summary>
    public const string Engineer = "AfterSales.Engineer";

    /// <summary>
    /// The service manager's acts (服务经理): reclassify and cancel work orders, agree due dates with the customer, handle complaints, register
    /// devices, callbacks, inspection plans, quality terms, quarterly reports, service credits and engineers' ledgers,
    /// policies, calendars and (as they arrive) webhooks.
    /// Default: an authenticated user in role <c>service-manager</c>.
    /// </summary>
    public const string ServiceManager = "AfterSales.ServiceManager";

    /// <summary>Reading the tenant's data and the reference endpoints. Default: any authenticated user.</summary>
    public const string Reader = "AfterSales.Reader";

    /// <summary>The role names the default policies check.</summary>
    public static class DefaultRoles
    {
        /// <summary>The customer's role: <c>customer</c>.</summary>
        public const string Customer = "customer";

        /// <summary>The engineer's role: <c>engineer</c>.</summary>
        public const string Engineer = "engineer";

        /// <summary>The service manager's role: <c>service-manager</c>.</summary>
        public const string ServiceManager = "service-manager";
    }
}
