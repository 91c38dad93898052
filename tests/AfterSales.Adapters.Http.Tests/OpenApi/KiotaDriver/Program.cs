// Drives a work order from report to close through the C# client Kiota generated from the service's
// OpenAPI document, printing every clock's due instant. Built and run by KiotaClientTests; not part
// of the test project's own compilation.
// Commands without other fields take an optional body carrying only occurredAt (a back-dated fact);
// Kiota makes every request body a parameter, so they pass an empty CommandRequest.
using AfterSales.Client;
using AfterSales.Client.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

// Authenticated as the document's security scheme says: a bearer token (args[2]) whose claims name the tenant and roles.
using var http = new HttpClient();
var bearer = new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider(args[2]));
var client = new AfterSalesClient(new HttpClientRequestAdapter(bearer, httpClient: http) { BaseUrl = args[0] });

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
Console.WriteLine("ticket " + id);
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

/// <summary>The token the test minted, for every request.</summary>
internal sealed class StaticTokenProvider(string token) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(token);
}
