// Drives a work order from report to close through the C# client Kiota generated from the service's
// OpenAPI document, printing every clock's due instant. Built and run by KiotaClientTests; not part
// of the test project's own compilation.
// Commands without other fields take an optional body carrying only occurredAt (a back-dated fact);
// Kiota makes every request body a parameter, so they pass an empty CommandRequest.
using AfterSales.Client;
using AfterSales.Client.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

using var http = new HttpClient();
http.DefaultRequestHeaders.Add("X-Tenant-Id", "kiota");
var client = new AfterSalesClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = args[0] });

var reported = await client.AfterSales.Tickets.PostAsync(new ReportTicketRequest
{
    Reporter = new ReporterContract { Name = "Li Wei", Organization = "City Bank IT", Contact = "138 0000 0000" },
    Channel = ReportTicketRequest_channel.Phone,
    Site = new SiteContract { Locality = SiteContract_locality.Local, Name = "Head office", Address = "1 Renmin Road" },
    DeviceSerialNumber = "SN-42",
    Symptom = "Storage array offline",
    SeverityCode = "A",
    FaultOccurredAt = DateTimeOffset.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture),
});
var id = reported!.Id!;
var ticket = client.AfterSales.Tickets[id];
await ticket.Acknowledge.PostAsync(new CommandRequest());
await ticket.StartRemoteDiagnosis.PostAsync(new CommandRequest());
await ticket.Dispatch.PostAsync(new DispatchRequest { Engineer = "Wang" });
await ticket.ArriveOnSite.PostAsync(new CommandRequest());
await ticket.RestoreService.PostAsync(new CommandRequest());
await ticket.Resolve.PostAsync(new ResolutionRequest { Resolution = "Replaced the controller" });
await ticket.StartObservation.PostAsync(new CommandRequest());
await ticket.SignOff.PostAsync(new SignOffRequest { Signer = "Zhang", Satisfaction = 5, Comment = "fast" });
await client.Demo.Clock.PostAsync(new AdvanceClockRequest { Advance = TimeSpan.FromMinutes(15) });
var closed = await ticket.Close.PostAsync(new CommandRequest());
Console.WriteLine("state " + closed!.State);

var clocks = await ticket.Clocks.GetAsync();
foreach (var clock in clocks!.Clocks!)
{
    Console.WriteLine($"clock {clock.Metric} {clock.Status} due {clock.DueAt:O} allowed {clock.Allowed}");
}
