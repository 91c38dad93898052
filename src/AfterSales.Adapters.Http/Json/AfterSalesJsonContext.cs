using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Http.Contracts;

namespace AfterSales.Http.Json;

/// <summary>
/// Source-generated JSON metadata for the hot responses (tickets, pages, clocks), so serialising them
/// needs no reflection. Added in front of the minimal-API resolver chain by <c>AddHttpApi</c>; the
/// NodaTime converters come from the options it serves.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(TicketResponse))]
[JsonSerializable(typeof(TicketPageResponse))]
[JsonSerializable(typeof(ClocksResponse))]
[JsonSerializable(typeof(PingResponse))]
internal sealed partial class AfterSalesJsonContext : JsonSerializerContext;
