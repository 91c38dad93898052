using System.Text.Json;

namespace AfterSales.Http.Json;

/// <summary>
/// The API's JSON vocabulary, defined once: web defaults (camelCase) and <see cref="NodaTimeJson"/>'s
/// converters. Responses (through <c>ConfigureHttpJsonOptions</c>) and the events' <c>data</c> (the
/// CloudEvents formatter, which also writes the outbox) use it, so a webhook's payload reads like the API.
/// </summary>
/// <remarks>
/// It lives in the HTTP adapter because the wire format is this adapter's; the EF Core adapter never
/// serialises the API's JSON: it stores the text an <see cref="AfterSales.Events.IEventFormatter"/> (this adapter's) gives it.
/// </remarks>
internal static class ApiJson
{
    /// <summary>Applies the vocabulary to <paramref name="options"/>: the NodaTime converters (web defaults are the caller's).</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options) => options.AddNodaTimeConverters();

    /// <summary>Read-only options for writing the vocabulary outside minimal APIs.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
