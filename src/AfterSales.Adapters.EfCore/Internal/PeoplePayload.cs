using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.People;
using NodaTime.Text;

namespace AfterSales.EntityFrameworkCore.Internal;

/// <summary>
/// The stored JSON of engineers' skills and duty rotas' shifts: our own DTOs, so the stored format stays
/// when domain types change; local date-times as ISO text (<c>2026-03-02T09:00:00</c>).
/// </summary>
internal static class PeoplePayload
{
    public static string SkillsJson(Engineer engineer) =>
        JsonSerializer.Serialize([.. engineer.Skills], PeoplePayloadJsonContext.Default.StringArray);

    public static string[] Skills(string json) =>
        JsonSerializer.Deserialize(json, PeoplePayloadJsonContext.Default.StringArray) ?? [];

    public static string ShiftsJson(DutyRota rota) => JsonSerializer.Serialize(
        [.. rota.Shifts.Select(static s => new ShiftPayload
        {
            EngineerId = s.EngineerId,
            Start = LocalDateTimePattern.ExtendedIso.Format(s.Start),
            End = LocalDateTimePattern.ExtendedIso.Format(s.End),
        })],
        PeoplePayloadJsonContext.Default.ShiftPayloadArray);

    public static DutyRota Rota(string centreId, string zone, string json)
    {
        var shifts = JsonSerializer.Deserialize(json, PeoplePayloadJsonContext.Default.ShiftPayloadArray) ?? [];
        return DutyRota.Create(centreId, DateTimeZoneProviders.Tzdb[zone], shifts.Select(static s => new DutyShift
        {
            EngineerId = s.EngineerId,
            Start = LocalDateTimePattern.ExtendedIso.Parse(s.Start).Value,
            End = LocalDateTimePattern.ExtendedIso.Parse(s.End).Value,
        }));
    }

    internal sealed class ShiftPayload
    {
        public string EngineerId { get; set; } = string.Empty;

        public string Start { get; set; } = string.Empty;

        public string End { get; set; } = string.Empty;
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(PeoplePayload.ShiftPayload[]))]
internal sealed partial class PeoplePayloadJsonContext : JsonSerializerContext;
