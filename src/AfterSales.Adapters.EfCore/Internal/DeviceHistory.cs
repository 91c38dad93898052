using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Entitlements.Warranty;
using NodaTime.Text;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// The JSON shape of a device record's history: replacements, shelf periods and relocations in
/// recorded order. Our own DTOs, so the stored format does not follow domain refactorings; dates as
/// ISO <c>yyyy-MM-dd</c> text, enums by name, absent fields omitted.
/// </summary>
internal sealed class DeviceHistory
{
    public List<ReplacementEntry> Replacements { get; set; } = [];

    public List<ShelfEntry> Shelf { get; set; } = [];

    public List<RelocationEntry> Relocations { get; set; } = [];

    public static string ToJson(DeviceRecord record) => JsonSerializer.Serialize(
        new DeviceHistory
        {
            Replacements = [.. record.Replacements.Select(static r => new ReplacementEntry { On = Text(r.On), Scope = r.Scope, WorkOrderId = r.WorkOrderId, NewSerialNumber = r.NewSerialNumber, PartNumber = r.PartNumber })],
            Shelf = [.. record.ShelfPeriods.Select(static p => new ShelfEntry { From = Text(p.Start), To = Text(p.End) })],
            Relocations = [.. record.Relocations.Select(static r => new RelocationEntry { On = Text(r.On), From = r.From, To = r.To })],
        },
        DeviceHistoryJsonContext.Default.DeviceHistory);

    public static DeviceRecord Apply(DeviceRecord record, string json)
    {
        var history = JsonSerializer.Deserialize(json, DeviceHistoryJsonContext.Default.DeviceHistory)
            ?? throw new InvalidOperationException($"Device record {record.SerialNumber} has an empty history document.");
        foreach (var r in history.Replacements)
        {
            record = record.WithReplacement(new DeviceReplacement(Date(r.On), r.Scope, r.WorkOrderId, r.NewSerialNumber, r.PartNumber));
        }

        foreach (var p in history.Shelf)
        {
            record = record.WithShelfPeriod(new DateInterval(Date(p.From), Date(p.To)));
        }

        foreach (var r in history.Relocations)
        {
            record = record.WithRelocation(new DeviceRelocation(Date(r.On), r.From, r.To));
        }

        return record;
    }

    private static string Text(LocalDate date) => LocalDatePattern.Iso.Format(date.WithCalendar(CalendarSystem.Iso));

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();
}

internal sealed class ReplacementEntry
{
    public string On { get; set; } = string.Empty;

    public ReplacementScope Scope { get; set; }

    public string WorkOrderId { get; set; } = string.Empty;

    public string? NewSerialNumber { get; set; }

    public string? PartNumber { get; set; }
}

internal sealed class ShelfEntry
{
    public string From { get; set; } = string.Empty;

    public string To { get; set; } = string.Empty;
}

internal sealed class RelocationEntry
{
    public string On { get; set; } = string.Empty;

    public string From { get; set; } = string.Empty;

    public string To { get; set; } = string.Empty;
}

[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DeviceHistory))]
internal sealed partial class DeviceHistoryJsonContext : JsonSerializerContext;
