using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AfterSales.Http.Identity;

/// <summary>
/// Which <see cref="AfterSalesPolicies">policy</see> each endpoint requires, in one table, applied to
/// every endpoint of the group once its own conventions have run (its name is known then). An
/// endpoint the table does not name requires <see cref="AfterSalesPolicies.Reader"/> to read and
/// <see cref="AfterSalesPolicies.ServiceManager"/> to change anything: new endpoints are closed by default.
/// </summary>
internal static class EndpointPolicies
{
    public static void Apply(EndpointBuilder endpoint)
    {
        var name = endpoint.Metadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
        if (For(name, methods.All(static m => m is "GET" or "HEAD")) is { } policy)
        {
            endpoint.Metadata.Add(new AuthorizeAttribute(policy));
        }
    }

    /// <summary>The policy of the endpoint named <paramref name="name"/>, or <see langword="null"/> for none (the health ping).</summary>
    public static string? For(string? name, bool readsOnly) => name switch
    {
        "Ping" => null,
        "ReportTicket" or "FileComplaint" or "RecordSurvey" => AfterSalesPolicies.Customer,
        "CreateQuote" or "RecordStockMovement" or "RecordPartsShipment" or "RecordInspection" => AfterSalesPolicies.Engineer,

        // Reports: the quarter's figures, service credits owed and the engineers' ledgers are the manager's.
        "RegisterDevice" or "GetQuarterlyReport" or "GetServiceCredits" or "GetEngineerLedger" or "ListEngineerLedgers" => AfterSalesPolicies.ServiceManager,

        // Calculators: they read reference data and change nothing.
        "AddBusinessTime" or "AssessWarranty" or "EvaluateComplaint" or "PlanReplenishment" or "ReplayStockLedger" => AfterSalesPolicies.Reader,
        not null when name.StartsWith("Ticket", StringComparison.Ordinal) && Enum.TryParse<TicketTrigger>(name["Ticket".Length..], out var trigger) => For(trigger),
        not null when name.StartsWith("Complaint", StringComparison.Ordinal) && !readsOnly => AfterSalesPolicies.ServiceManager,
        _ => readsOnly ? AfterSalesPolicies.Reader : AfterSalesPolicies.ServiceManager,
    };

    /// <summary>
    /// The policy of a work-order command: the customer signs, accepts and writes; the manager reclassifies,
    /// cancels and agrees due dates with the customer; the engineer does the rest.
    /// </summary>
    public static string For(TicketTrigger trigger) => trigger switch
    {
        TicketTrigger.SignOff or TicketTrigger.AcceptQuote or TicketTrigger.ReceiveCustomerMessage => AfterSalesPolicies.Customer,
        TicketTrigger.Reclassify or TicketTrigger.Cancel or TicketTrigger.NegotiateDueDate => AfterSalesPolicies.ServiceManager,
        _ => AfterSalesPolicies.Engineer,
    };
}
