// Writes work orders in a loop until killed, printing "ok <id> <version>" after every committed
// save. The crash test kills it mid-write and checks that nothing committed was lost and nothing
// half-written remains. Usage: <sqlite|postgresql> <connection string> <run id>
using System.Globalization;
using AfterSales.EntityFrameworkCore;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using Microsoft.EntityFrameworkCore;
using NodaTime;

var options = args[0] == "sqlite"
    ? new DbContextOptionsBuilder<AfterSalesDbContext>().UseSqlite(args[1]).Options
    : new DbContextOptionsBuilder<AfterSalesDbContext>().UseNpgsql(args[1]).Options;
var store = new EfCoreTicketStore<AfterSalesDbContext>(new Factory(options), new InMemorySlaPolicyCatalog(SlaPresets.All), SystemClock.Instance);
var policy = SlaPresets.SystemIntegration002;
var stdout = Console.Out;
for (var i = 0; ; i++)
{
    var ticket = Ticket.Report(
        new TicketReport
        {
            Id = TicketId.From(string.Create(CultureInfo.InvariantCulture, $"{args[2]}-{i}")),
            TenantId = "crash",
            Reporter = new TicketReporter { Name = "n", Organization = "o", Contact = "c" },
            Channel = ReportChannel.Phone,
            Site = new TicketSite { Location = ServiceSite.Local, Name = "s", Address = "a" },
            DeviceSerialNumber = "SN",
            Symptom = "down",
            SeverityCode = policy.SeverityScale.Levels[0].Code,
        },
        policy,
        SystemClock.Instance);
    ticket.Acknowledge();
    ticket.StartRemoteDiagnosis();
    await store.SaveAsync(ticket, 0);
    stdout.WriteLine($"ok {ticket.Id} {ticket.Version}");
    for (var j = 0; j < 4; j++)
    {
        var expected = ticket.Version;
        ticket.WaitForCustomer("waiting " + j.ToString(CultureInfo.InvariantCulture));
        ticket.Resume();
        await store.SaveAsync(ticket, expected);
        stdout.WriteLine($"ok {ticket.Id} {ticket.Version}");
    }

    stdout.Flush();
}

internal sealed class Factory(DbContextOptions<AfterSalesDbContext> options) : IDbContextFactory<AfterSalesDbContext>
{
    public AfterSalesDbContext CreateDbContext() => new(options);
}
