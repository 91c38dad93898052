using System.Reflection;
using System.Text.Json.Nodes;
using AfterSales.Http.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Http.OpenApi;

/// <summary>
/// Makes each schema say what travels: NodaTime values as inline strings with a format or pattern and
/// an example (inline, because a nullable <c>$ref</c> becomes <c>oneOf [null, $ref]</c>, which generated
/// clients drop); integers as integers (the adapter reads numbers strictly, never from strings); and
/// the string fields marked <see cref="WireEnumAttribute"/> as enums.
/// </summary>
internal static class ContractSchemaTransformer
{
    /// <summary>The schema reference id: none for NodaTime types, so they are written inline; otherwise <paramref name="fallback"/>'s.</summary>
    public static Func<System.Text.Json.Serialization.Metadata.JsonTypeInfo, string?> ReferenceIds(Func<System.Text.Json.Serialization.Metadata.JsonTypeInfo, string?> fallback) =>
        info => NodaTimeWireFormats.For(info.Type) is not null ? null : fallback(info);

    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type) is not null || (schema.Type is { } declared && declared.HasFlag(JsonSchemaType.Null));
        if (NodaTimeWireFormats.For(type) is { } wire)
        {
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Format = wire.Format;
            schema.Pattern = wire.Pattern;
            schema.Examples = [JsonValue.Create(wire.Example)];
            schema.Properties?.Clear();
            schema.Required?.Clear();
            schema.OneOf = null;
            return Task.CompletedTask;
        }

        if (schema.Type is { } t && (t & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0 && t.HasFlag(JsonSchemaType.String))
        {
            schema.Type = t & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(WireEnumAttribute), inherit: false) is [WireEnumAttribute values, ..])
        {
            var target = schema.Type is { } s && s.HasFlag(JsonSchemaType.Array) && schema.Items is OpenApiSchema items ? items : schema;
            var list = values.WireValues.Select(static v => (JsonNode)JsonValue.Create(v)).ToList();
            if (target == schema && nullable)
            {
                list.Add(null!);
            }

            target.Enum = list;
        }

        return Task.CompletedTask;
    }
}
