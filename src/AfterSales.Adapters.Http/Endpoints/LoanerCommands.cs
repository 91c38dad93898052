using AfterSales.Http.Contracts;
using AfterSales.Http.Internal;
using AfterSales.Http.Tenancy;
using AfterSales.WorkOrders;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Http.Endpoints;

/// <summary>provide-loaner and return-loaner: run by the service, which moves a pool's stock with the ticket (R-SP-5).</summary>
internal static class LoanerCommands
{
    public static async Task<Ticket> ProvideAsync(HttpContext http, TicketService service, TicketId id, int? expected, long limit)
    {
        var r = await RequestBody.ReadAsync<ProvideLoanerRequest>(http, limit, optional: true).ConfigureAwait(false);
        if (r is null || (r.UnitSerialNumber is null && r.PartNumber is null && r.CentreId is null && r.Grade is null && r.ReturnBy is null))
        {
            // A note only, as in 0.1: the clock is met, no unit is tracked.
            return await service.ExecuteAsync(http.Tenant(), id, expected, t => t.ProvideLoaner(r?.Note), r?.OccurredAt, http.RequestAborted).ConfigureAwait(false);
        }

        var loaner = new TicketLoaner { UnitSerialNumber = r.UnitSerialNumber!, PartNumber = r.PartNumber, CentreId = r.CentreId, Grade = r.Grade, ReturnBy = r.ReturnBy };
        return await service.LendLoanerAsync(http.Tenant(), id, loaner, r.IssuedBy, r.Note, expected, r.OccurredAt, http.RequestAborted).ConfigureAwait(false);
    }

    public static async Task<Ticket> ReturnAsync(HttpContext http, TicketService service, TicketId id, int? expected, long limit)
    {
        var r = (await RequestBody.ReadAsync<ReturnLoanerRequest>(http, limit).ConfigureAwait(false))!;
        return await service.ReturnLoanerAsync(http.Tenant(), id, r.UnitSerialNumber, r.ReceivedBy, r.Note, expected, r.OccurredAt, http.RequestAborted).ConfigureAwait(false);
    }
}
