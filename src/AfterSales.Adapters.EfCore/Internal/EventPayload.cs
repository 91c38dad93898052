using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Entitlements;
using AfterSales.Entitlements.Warranty;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Sla;
using AfterSales.WorkOrders;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// The JSON shape of an event's payload. Our own DTO rather than the domain types, so the stored
/// format is stable when domain types gain members or change constructors; instants as Unix
/// nanoseconds (exact), enums by name, absent fields omitted.
/// </summary>
internal sealed class EventPayload
{
    public ReportPayload? Report { get; set; }

    public string? PolicyKey { get; set; }

    public string? Engineer { get; set; }

    public string? Reason { get; set; }

    public string? Resolution { get; set; }

    public string? SeverityCode { get; set; }

    public SignOffPayload? SignOff { get; set; }

    public string? Note { get; set; }

    public QuotePayload? Quote { get; set; }

    public PartsExchangePayload? PartsExchange { get; set; }

    public RmaPayload? Rma { get; set; }

    public ReviewPayload? Review { get; set; }

    public BackupPayload? Backup { get; set; }

    public RepairPayload? Repair { get; set; }

    public ObligationPayload? Obligation { get; set; }

    public LoanerPayload? Loaner { get; set; }

    public string[]? CalendarKeys { get; set; }

    public string? PauseReason { get; set; }

    public NegotiationPayload? Negotiation { get; set; }

    public bool IsEmpty =>
        Report is null && PolicyKey is null && Engineer is null && Reason is null && Resolution is null
        && SeverityCode is null && SignOff is null && Note is null && Quote is null && PartsExchange is null && CalendarKeys is null
        && Rma is null && Review is null && Backup is null && Repair is null && Obligation is null && Loaner is null
        && PauseReason is null && Negotiation is null;
}

internal sealed class LoanerPayload
{
    public string UnitSerialNumber { get; set; } = string.Empty;

    public string? PartNumber { get; set; }

    public string? CentreId { get; set; }

    public int? Grade { get; set; }

    public long? ReturnBy { get; set; }
}

internal sealed class RepairPayload
{
    public string? PartNumber { get; set; }

    public bool Unfixable { get; set; }
}

internal sealed class ObligationPayload
{
    public ReplacementScope Scope { get; set; }

    public string? PartNumber { get; set; }

    public int RepairCount { get; set; }

    public int Limit { get; set; }

    public string Reason { get; set; } = string.Empty;
}

internal sealed class RmaPayload
{
    public string RmaNumber { get; set; } = string.Empty;

    public string? PartNumber { get; set; }

    public string? SerialNumber { get; set; }

    public RmaOutcome? Outcome { get; set; }

    public string? Note { get; set; }
}

internal sealed class ReviewPayload
{
    public string Reviewer { get; set; } = string.Empty;

    public string Note { get; set; } = string.Empty;
}

internal sealed class BackupPayload
{
    public string ConfirmedBy { get; set; } = string.Empty;

    public string? Note { get; set; }
}

internal sealed class NegotiationPayload
{
    public string Metric { get; set; } = string.Empty;

    public long DueAt { get; set; }

    public string NegotiatedBy { get; set; } = string.Empty;
}

internal sealed class QuotePayload
{
    public string QuoteId { get; set; } = string.Empty;

    /// <summary>Written for readers of the raw rows; the domain computes it from the lines.</summary>
    public decimal Total { get; set; }

    public string Currency { get; set; } = string.Empty;

    public string? AcceptedBy { get; set; }

    public string? PriceListKey { get; set; }

    /// <summary>Day number since 1970-01-01.</summary>
    public int IssuedOn { get; set; }

    public List<QuoteLinePayload> Lines { get; set; } = [];

    public static QuotePayload From(TicketQuote q) => new()
    {
        QuoteId = q.QuoteId,
        Total = q.Total,
        Currency = q.Currency,
        AcceptedBy = q.AcceptedBy,
        PriceListKey = q.PriceListKey,
        IssuedOn = LocalDateToDayNumberConverter.ToDayNumber(q.IssuedOn),
        Lines = [.. q.Lines.Select(static l => new QuoteLinePayload
        {
            Kind = l.Kind, Description = l.Description, PartNumber = l.PartNumber, Quantity = l.Quantity, UnitPrice = l.UnitPrice, Note = l.Note,
        })],
    };

    public TicketQuote ToQuote() => new()
    {
        QuoteId = QuoteId,
        Currency = Currency,
        AcceptedBy = AcceptedBy,
        PriceListKey = PriceListKey,
        IssuedOn = LocalDateToDayNumberConverter.FromDayNumber(IssuedOn),
        Lines = [.. Lines.Select(static l => new TicketQuoteLine
        {
            Kind = l.Kind, Description = l.Description, PartNumber = l.PartNumber, Quantity = l.Quantity, UnitPrice = l.UnitPrice, Note = l.Note,
        })],
    };
}

internal sealed class QuoteLinePayload
{
    public Entitlements.Quotes.QuoteLineKind Kind { get; set; }

    public string Description { get; set; } = string.Empty;

    public string? PartNumber { get; set; }

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    public string? Note { get; set; }
}

internal sealed class PartsExchangePayload
{
    public string OldPartNumber { get; set; } = string.Empty;

    public string? OldSerialNumber { get; set; }

    public string NewPartNumber { get; set; } = string.Empty;

    public string? NewSerialNumber { get; set; }

    public string SignedBy { get; set; } = string.Empty;

    public string? QuoteId { get; set; }
}

internal sealed class ReportPayload
{
    public string Id { get; set; } = string.Empty;

    public string TenantId { get; set; } = string.Empty;

    public string ReporterName { get; set; } = string.Empty;

    public string ReporterOrganization { get; set; } = string.Empty;

    public string ReporterContact { get; set; } = string.Empty;

    public ReportChannel Channel { get; set; }

    public SiteLocality Locality { get; set; }

    public int? DistanceKm { get; set; }

    public string SiteName { get; set; } = string.Empty;

    public string SiteAddress { get; set; } = string.Empty;

    public string DeviceSerialNumber { get; set; } = string.Empty;

    public string Symptom { get; set; } = string.Empty;

    public string SeverityCode { get; set; } = string.Empty;

    public long? FaultOccurredAt { get; set; }

    public bool IsBillable { get; set; }

    public EntitlementPayload? Entitlement { get; set; }
}

/// <summary>The entitlement check at report; dates as day numbers since 1970-01-01.</summary>
internal sealed class EntitlementPayload
{
    public EntitlementStatus Status { get; set; }

    public string? WarrantyPolicyCode { get; set; }

    public WarrantyStatus? WarrantyStatus { get; set; }

    public int? AssessedOn { get; set; }

    public int? LastCoveredDay { get; set; }

    public string? ContractId { get; set; }

    public string? ServiceCentreId { get; set; }

    public string? Model { get; set; }

    public int? Grade { get; set; }

    public bool DataBackupRequired { get; set; }

    public List<string> Reasons { get; set; } = [];

    public static EntitlementPayload From(TicketEntitlement e) => new()
    {
        Status = e.Status,
        WarrantyPolicyCode = e.WarrantyPolicyCode,
        WarrantyStatus = e.WarrantyStatus,
        AssessedOn = e.AssessedOn is { } a ? LocalDateToDayNumberConverter.ToDayNumber(a) : null,
        LastCoveredDay = e.LastCoveredDay is { } l ? LocalDateToDayNumberConverter.ToDayNumber(l) : null,
        ContractId = e.ContractId,
        ServiceCentreId = e.ServiceCentreId,
        Model = e.Model,
        Grade = e.Grade,
        DataBackupRequired = e.DataBackupRequired,
        Reasons = [.. e.Reasons],
    };

    public TicketEntitlement ToEntitlement() => new()
    {
        Status = Status,
        WarrantyPolicyCode = WarrantyPolicyCode,
        WarrantyStatus = WarrantyStatus,
        AssessedOn = AssessedOn is { } a ? LocalDateToDayNumberConverter.FromDayNumber(a) : null,
        LastCoveredDay = LastCoveredDay is { } l ? LocalDateToDayNumberConverter.FromDayNumber(l) : null,
        ContractId = ContractId,
        ServiceCentreId = ServiceCentreId,
        Model = Model,
        Grade = Grade,
        DataBackupRequired = DataBackupRequired,
        Reasons = Reasons,
    };
}

internal sealed class SignOffPayload
{
    public string Signer { get; set; } = string.Empty;

    public int Satisfaction { get; set; }

    public string? Comment { get; set; }
}

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EventPayload))]
internal sealed partial class EventPayloadJsonContext : JsonSerializerContext;

/// <summary>Converts between domain events and rows.</summary>
internal static class EventMapper
{
    public static TicketEventRow ToRow(string tenantId, TicketEvent e)
    {
        var payload = new EventPayload
        {
            Report = e.Report is { } r ? ToPayload(r) : null,
            PolicyKey = e.PolicyKey,
            Engineer = e.Engineer,
            Reason = e.Reason,
            Resolution = e.Resolution,
            SeverityCode = e.SeverityCode,
            SignOff = e.SignOff is { } s ? new SignOffPayload { Signer = s.Signer, Satisfaction = s.Satisfaction, Comment = s.Comment } : null,
            Note = e.Note,
            Quote = e.Quote is { } q ? QuotePayload.From(q) : null,
            PartsExchange = e.PartsExchange is { } x
                ? new PartsExchangePayload { OldPartNumber = x.OldPartNumber, OldSerialNumber = x.OldSerialNumber, NewPartNumber = x.NewPartNumber, NewSerialNumber = x.NewSerialNumber, SignedBy = x.SignedBy, QuoteId = x.QuoteId }
                : null,
            Rma = e.Rma is { } m ? new RmaPayload { RmaNumber = m.RmaNumber, PartNumber = m.PartNumber, SerialNumber = m.SerialNumber, Outcome = m.Outcome, Note = m.Note } : null,
            Review = e.Review is { } v ? new ReviewPayload { Reviewer = v.Reviewer, Note = v.Note } : null,
            Backup = e.Backup is { } b ? new BackupPayload { ConfirmedBy = b.ConfirmedBy, Note = b.Note } : null,
            Repair = e.Repair is { } p ? new RepairPayload { PartNumber = p.PartNumber, Unfixable = p.Unfixable } : null,
            Loaner = e.Loaner is { } l ? new LoanerPayload { UnitSerialNumber = l.UnitSerialNumber, PartNumber = l.PartNumber, CentreId = l.CentreId, Grade = l.Grade, ReturnBy = l.ReturnBy is { } by ? InstantToUnixNanosecondsConverter.ToUnixNanoseconds(by) : null } : null,
            Obligation = e.Obligation is { } o
                ? new ObligationPayload { Scope = o.Scope, PartNumber = o.PartNumber, RepairCount = o.RepairCount, Limit = o.Limit, Reason = o.Reason }
                : null,
            CalendarKeys = e.CalendarKeys is { } keys ? [.. keys] : null,
            PauseReason = e.PauseReasonCode,
            Negotiation = e.Negotiation is { } n
                ? new NegotiationPayload { Metric = n.MetricCode, DueAt = InstantToUnixNanosecondsConverter.ToUnixNanoseconds(n.DueAt), NegotiatedBy = n.NegotiatedBy }
                : null,
        };
        return new TicketEventRow
        {
            TenantId = tenantId,
            TicketId = e.TicketId.Value,
            Version = e.Version,
            Kind = e.Kind,
            At = e.At,
            RecordedAt = e.RecordedAt,
            Payload = payload.IsEmpty ? null : JsonSerializer.Serialize(payload, EventPayloadJsonContext.Default.EventPayload),
            ActorSubject = e.Actor?.Subject,
            ActorName = e.Actor?.DisplayName,
        };
    }

    public static TicketEvent ToEvent(TicketEventRow row)
    {
        var payload = row.Payload is null
            ? null
            : JsonSerializer.Deserialize(row.Payload, EventPayloadJsonContext.Default.EventPayload);
        return new TicketEvent
        {
            Kind = row.Kind,
            TicketId = TicketId.From(row.TicketId),
            Version = row.Version,
            At = row.At,
            RecordedAt = row.RecordedAt,
            Report = payload?.Report is { } r ? ToReport(r) : null,
            PolicyKey = payload?.PolicyKey,
            Engineer = payload?.Engineer,
            Reason = payload?.Reason,
            Resolution = payload?.Resolution,
            SeverityCode = payload?.SeverityCode,
            SignOff = payload?.SignOff is { } s ? new TicketSignOff { Signer = s.Signer, Satisfaction = s.Satisfaction, Comment = s.Comment } : null,
            Note = payload?.Note,
            Quote = payload?.Quote?.ToQuote(),
            PartsExchange = payload?.PartsExchange is { } x
                ? new TicketPartsExchange { OldPartNumber = x.OldPartNumber, OldSerialNumber = x.OldSerialNumber, NewPartNumber = x.NewPartNumber, NewSerialNumber = x.NewSerialNumber, SignedBy = x.SignedBy, QuoteId = x.QuoteId }
                : null,
            Rma = payload?.Rma is { } m ? new TicketRmaStep { RmaNumber = m.RmaNumber, PartNumber = m.PartNumber, SerialNumber = m.SerialNumber, Outcome = m.Outcome, Note = m.Note } : null,
            Review = payload?.Review is { } v ? new TicketReview { Reviewer = v.Reviewer, Note = v.Note } : null,
            Backup = payload?.Backup is { } b ? new TicketDataBackup { ConfirmedBy = b.ConfirmedBy, Note = b.Note } : null,
            Repair = payload?.Repair is { } p ? new TicketRepair { PartNumber = p.PartNumber, Unfixable = p.Unfixable } : null,
            Loaner = payload?.Loaner is { } l ? new TicketLoaner { UnitSerialNumber = l.UnitSerialNumber, PartNumber = l.PartNumber, CentreId = l.CentreId, Grade = l.Grade, ReturnBy = l.ReturnBy is { } by ? InstantToUnixNanosecondsConverter.FromUnixNanoseconds(by) : null } : null,
            Obligation = payload?.Obligation is { } o
                ? new TicketObligation { Scope = o.Scope, PartNumber = o.PartNumber, RepairCount = o.RepairCount, Limit = o.Limit, Reason = o.Reason }
                : null,
            CalendarKeys = payload?.CalendarKeys is { } keys ? Calendars.CalendarKeys.Of(keys) : null,
            PauseReasonCode = payload?.PauseReason,
            Negotiation = payload?.Negotiation is { } n
                ? new TicketDueDateNegotiation { MetricCode = n.Metric, DueAt = InstantToUnixNanosecondsConverter.FromUnixNanoseconds(n.DueAt), NegotiatedBy = n.NegotiatedBy }
                : null,
            Actor = row.ActorSubject is { } subject ? new Actor(subject, row.ActorName) : null,
        };
    }

    private static ReportPayload ToPayload(TicketReport r) => new()
    {
        Id = r.Id.Value,
        TenantId = r.TenantId,
        ReporterName = r.Reporter.Name,
        ReporterOrganization = r.Reporter.Organization,
        ReporterContact = r.Reporter.Contact,
        Channel = r.Channel,
        Locality = r.Site.Location.Locality,
        DistanceKm = r.Site.Location.DistanceKm,
        SiteName = r.Site.Name,
        SiteAddress = r.Site.Address,
        DeviceSerialNumber = r.DeviceSerialNumber,
        Symptom = r.Symptom,
        SeverityCode = r.SeverityCode,
        FaultOccurredAt = r.FaultOccurredAt is { } f ? InstantToUnixNanosecondsConverter.ToUnixNanoseconds(f) : null,
        IsBillable = r.IsBillable,
        Entitlement = r.Entitlement is { } e ? EntitlementPayload.From(e) : null,
    };

    private static TicketReport ToReport(ReportPayload r) => new()
    {
        Id = TicketId.From(r.Id),
        TenantId = r.TenantId,
        Reporter = new TicketReporter { Name = r.ReporterName, Organization = r.ReporterOrganization, Contact = r.ReporterContact },
        Channel = r.Channel,
        Site = new TicketSite { Location = new ServiceSite(r.Locality, r.DistanceKm), Name = r.SiteName, Address = r.SiteAddress },
        DeviceSerialNumber = r.DeviceSerialNumber,
        Symptom = r.Symptom,
        SeverityCode = r.SeverityCode,
        FaultOccurredAt = r.FaultOccurredAt is { } f ? InstantToUnixNanosecondsConverter.FromUnixNanoseconds(f) : null,
        IsBillable = r.IsBillable,
        Entitlement = r.Entitlement?.ToEntitlement(),
    };
}
