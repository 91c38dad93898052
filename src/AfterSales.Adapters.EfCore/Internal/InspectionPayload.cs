using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.EntityFrameworkCore.Storage;
using AfterSales.Quality.Inspections;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// The stored JSON of inspection plans and records: our own DTOs, like the event payload, so the stored
/// format stays when domain types change; days as day numbers, enums by name.
/// </summary>
internal static class InspectionPayload
{
    public static string PlanJson(InspectionPlan plan) => JsonSerializer.Serialize(
        new PlanPayload
        {
            Checklist = ChecklistPayload.From(plan.Checklist),
            RecurrenceMonths = plan.Recurrence?.Months,
            StartsOn = plan.IsPreExpiry ? null : LocalDateToDayNumberConverter.ToDayNumber(plan.StartsOn),
            PreExpiryMonths = plan.IsPreExpiry ? plan.PreExpiryMonths : null,
            WarrantyPolicy = plan.WarrantyPolicyCode,
            Subjects = [.. plan.Subjects.Select(static s => new SubjectPayload { Kind = s.Kind, Id = s.Id })],
        },
        InspectionPayloadJsonContext.Default.PlanPayload);

    public static InspectionPlan Plan(string code, string json)
    {
        var p = JsonSerializer.Deserialize(json, InspectionPayloadJsonContext.Default.PlanPayload)!;
        var checklist = p.Checklist.ToChecklist();
        var plan = p.RecurrenceMonths is { } months
            ? InspectionPlan.Recurring(code, checklist, InspectionRecurrence.EveryMonths(months), LocalDateToDayNumberConverter.FromDayNumber(p.StartsOn ?? 0))
            : InspectionPlan.PreExpiry(code, checklist, p.PreExpiryMonths ?? 3, p.WarrantyPolicy);
        return plan.WithSubjects(p.Subjects.Select(static s => s.ToSubject()));
    }

    public static string RecordJson(InspectionRecord record) => JsonSerializer.Serialize(
        new RecordPayload
        {
            Checklist = ChecklistPayload.From(record.Checklist),
            EngineerId = record.EngineerId,
            Results = [.. record.Results.Select(static r => new ResultPayload { Item = r.ItemCode, Outcome = r.Outcome, Note = r.Note })],
            SignedBy = record.Signature?.SignedBy,
            SignedOn = record.Signature is { } s ? LocalDateToDayNumberConverter.ToDayNumber(s.SignedOn) : null,
        },
        InspectionPayloadJsonContext.Default.RecordPayload);

    public static InspectionRecord Record(InspectionRecordRow row)
    {
        var p = JsonSerializer.Deserialize(row.Document, InspectionPayloadJsonContext.Default.RecordPayload)!;
        var subject = new SubjectPayload { Kind = Enum.Parse<InspectionSubjectKind>(row.SubjectKind), Id = row.SubjectId }.ToSubject();
        return InspectionRecord.Create(
            row.Id,
            subject,
            p.Checklist.ToChecklist(),
            row.InspectedOn,
            p.EngineerId,
            p.Results.Select(static r => new InspectionItemResult(r.Item, r.Outcome, r.Note)),
            p.SignedBy is { } by ? new CustomerSignature(by, LocalDateToDayNumberConverter.FromDayNumber(p.SignedOn ?? 0)) : null);
    }

    internal sealed class PlanPayload
    {
        public ChecklistPayload Checklist { get; set; } = new();

        public int? RecurrenceMonths { get; set; }

        public int? StartsOn { get; set; }

        public int? PreExpiryMonths { get; set; }

        public string? WarrantyPolicy { get; set; }

        public List<SubjectPayload> Subjects { get; set; } = [];
    }

    internal sealed class RecordPayload
    {
        public ChecklistPayload Checklist { get; set; } = new();

        public string EngineerId { get; set; } = string.Empty;

        public List<ResultPayload> Results { get; set; } = [];

        public string? SignedBy { get; set; }

        public int? SignedOn { get; set; }
    }

    internal sealed class ChecklistPayload
    {
        public string DeviceType { get; set; } = string.Empty;

        public string NameZh { get; set; } = string.Empty;

        public string NameEn { get; set; } = string.Empty;

        public List<ItemPayload> Items { get; set; } = [];

        public static ChecklistPayload From(Checklist c) => new()
        {
            DeviceType = c.DeviceType,
            NameZh = c.NameZh,
            NameEn = c.NameEn,
            Items = [.. c.Items.Select(static i => new ItemPayload { Code = i.Code, NameZh = i.NameZh, NameEn = i.NameEn })],
        };

        public Checklist ToChecklist() => new(DeviceType, NameZh, NameEn, Items.Select(static i => new ChecklistItem(i.Code, i.NameZh, i.NameEn)));
    }

    internal sealed class ItemPayload
    {
        public string Code { get; set; } = string.Empty;

        public string NameZh { get; set; } = string.Empty;

        public string NameEn { get; set; } = string.Empty;
    }

    internal sealed class ResultPayload
    {
        public string Item { get; set; } = string.Empty;

        public InspectionOutcome Outcome { get; set; }

        public string Note { get; set; } = string.Empty;
    }

    internal sealed class SubjectPayload
    {
        public InspectionSubjectKind Kind { get; set; }

        public string Id { get; set; } = string.Empty;

        public InspectionSubject ToSubject() => Kind == InspectionSubjectKind.Site ? InspectionSubject.Site(Id) : InspectionSubject.Device(Id);
    }
}

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InspectionPayload.PlanPayload))]
[JsonSerializable(typeof(InspectionPayload.RecordPayload))]
internal sealed partial class InspectionPayloadJsonContext : JsonSerializerContext;
