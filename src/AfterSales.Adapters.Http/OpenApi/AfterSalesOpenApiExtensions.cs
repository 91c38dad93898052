using System.Text.Json.Nodes;
using AfterSales.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>OpenAPI support for the types the AfterSales.Kit API exchanges.</summary>
public static class AfterSalesOpenApiExtensions
{
    /// <summary>
    /// Describes NodaTime types as the strings they travel as, each with an example: <see cref="NodaTime.Instant"/>
    /// (<c>date-time</c>), <see cref="NodaTime.Duration"/> (<c>duration</c>), <see cref="NodaTime.LocalDate"/>
    /// (<c>date</c>), <see cref="NodaTime.LocalTime"/> (<c>time</c>, <c>HH:mm</c> or <c>HH:mm:ss</c>), and
    /// <see cref="NodaTime.YearMonth"/>, <see cref="NodaTime.LocalDateTime"/>, <see cref="NodaTime.Offset"/> and
    /// <see cref="NodaTime.DateTimeZone"/> (an IANA id) by pattern or example.
    /// </summary>
    /// <param name="options">The document's options, from <c>services.AddOpenApi(o => o.AddAfterSalesSchemas())</c>.</param>
    /// <returns>The same options.</returns>
    public static OpenApiOptions AddAfterSalesSchemas(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddSchemaTransformer(static (schema, context, _) =>
        {
            var type = context.JsonTypeInfo.Type;
            if (NodaTimeWireFormats.For(type) is not { } wire)
            {
                return Task.CompletedTask;
            }

            // One component serves T and T?; marking it nullable would depend on which the generator met
            // first, so the component is a plain string (a null value is the property's own business).
            schema.Type = JsonSchemaType.String;
            schema.Format = wire.Format;
            schema.Pattern = wire.Pattern;
            schema.Examples = [JsonValue.Create(wire.Example)];
            schema.Properties?.Clear();
            return Task.CompletedTask;
        });
        return options;
    }
}
