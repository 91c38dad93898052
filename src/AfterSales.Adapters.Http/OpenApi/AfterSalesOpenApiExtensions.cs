using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>OpenAPI support for the types the AfterSales.Kit API exchanges.</summary>
public static class AfterSalesOpenApiExtensions
{
    /// <summary>
    /// Describes NodaTime types as the ISO-8601 strings they travel as: <see cref="NodaTime.Instant"/>
    /// (<c>date-time</c>), <see cref="NodaTime.Duration"/> (<c>duration</c>), <see cref="NodaTime.LocalDate"/>
    /// (<c>date</c>), <see cref="NodaTime.LocalTime"/> (<c>time</c>) and <see cref="NodaTime.YearMonth"/>, each with an example.
    /// </summary>
    /// <param name="options">The document's options, from <c>services.AddOpenApi(o => o.AddAfterSalesSchemas())</c>.</param>
    /// <returns>The same options.</returns>
    public static OpenApiOptions AddAfterSalesSchemas(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddSchemaTransformer(static (schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            var nullable = Nullable.GetUnderlyingType(type) is not null;
            var (format, example) = (Nullable.GetUnderlyingType(type) ?? type) switch
            {
                var t when t == typeof(NodaTime.Instant) => ("date-time", "2026-03-02T02:00:00Z"),
                var t when t == typeof(NodaTime.Duration) => ("duration", "PT2H10M"),
                var t when t == typeof(NodaTime.LocalDate) => ("date", "2026-03-02"),
                var t when t == typeof(NodaTime.LocalTime) => ("time", "09:00:00"),
                var t when t == typeof(NodaTime.YearMonth) => ((string?)null, "2026-03"),
                _ => ((string?)null, (string?)null),
            };
            if (example is null)
            {
                return Task.CompletedTask;
            }

            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Format = format;
            schema.Pattern = format is null ? "^[0-9]{4}-[0-9]{2}$" : null;
            schema.Examples = [JsonValue.Create(example)];
            schema.Properties?.Clear();
            return Task.CompletedTask;
        });
        return options;
    }
}
