using System.Text;
using AfterSales.Events;
using AfterSales.Http.Delivery;
using AfterSales.Http.Json;
using AfterSales.Sla;
using AfterSales.WorkOrders;
using BenchmarkDotNet.Attributes;
using CloudNative.CloudEvents.SystemTextJson;
using NodaTime;
using NodaTime.Testing;

namespace AfterSales.Benchmarks.Events;

/// <summary>
/// Formatting a report's outbox event (<c>aftersales.ticket.reported</c>, with an actor) as the text the stores write:
/// through the CloudEvents SDK's <c>EncodeStructuredModeMessage</c> and <c>UTF8.GetString</c> (the baseline, what
/// the formatter did before), and through <see cref="CloudEventFormatter.Format"/>, which writes the same bytes
/// into a buffer its thread reuses.
/// </summary>
[MemoryDiagnoser]
public class CloudEventFormatBenchmarks
{
    private readonly JsonEventFormatter sdk = new(ApiJson.Options, default);
    private readonly CloudEventFormatter formatter = new();
    private DomainEvent reported = null!;

    /// <summary>A reported ticket's first event.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 1, 0));
        var ticket = Ticket.Report(new TicketReport
        {
            TenantId = "bench",
            Id = TicketId.From("WO-1"),
            Reporter = new TicketReporter { Name = "Li", Organization = "Bank", Contact = "138" },
            Channel = ReportChannel.Phone,
            Site = new TicketSite { Location = ServiceSite.Local, Name = "HQ", Address = "1 Road" },
            DeviceSerialNumber = "SN-1",
            Symptom = "array down",
            SeverityCode = "A",
        }, SlaPresets.SystemIntegration002, clock, new Actor("load-1", "Load"));
        reported = TicketDomainEvents.ForSave(ticket, 0, clock.GetCurrentInstant()).Events[0];
    }

    /// <summary>The SDK's structured mode, then a string.</summary>
    [Benchmark(Baseline = true)]
    public string Sdk() =>
        Encoding.UTF8.GetString(sdk.EncodeStructuredModeMessage(CloudEventFormatter.ToCloudEvent(reported), out _).Span);

    /// <summary>The formatter's own writer.</summary>
    [Benchmark]
    public string Formatter() => formatter.Format(reported);
}
