using AfterSales.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Http.OpenApi;

/// <summary>
/// The shape of a simple value the adapter reads from a query string or header itself (it parses
/// them by hand, so 400s name the field in the API's words; the framework cannot see them): the
/// OpenAPI schema it is described with.
/// </summary>
internal sealed record ApiValue(string Type, string? Format = null, long? Minimum = null, long? Maximum = null, IReadOnlyList<string>? Enum = null, string? Example = null, string? Pattern = null)
{
    public static ApiValue Text { get; } = new("string");

    public static ApiValue Instant { get; } = Wire(typeof(NodaTime.Instant));

    public static ApiValue Date { get; } = Wire(typeof(NodaTime.LocalDate));

    public static ApiValue Integer(long minimum, long maximum) => new("integer", "int32", minimum, maximum);

    public static ApiValue OneOf(params IReadOnlyList<string> values) => new("string", Enum: values);

    private static ApiValue Wire(Type type)
    {
        var wire = NodaTimeWireFormats.For(type)!;
        return new("string", wire.Format, Example: wire.Example, Pattern: wire.Pattern);
    }
}

/// <summary>A query or header parameter an endpoint reads by hand.</summary>
internal sealed record ApiParameter(string Name, string In, ApiValue Value, string Description, bool Required = false);

/// <summary>A response header an endpoint sets.</summary>
internal sealed record ApiResponseHeader(int Status, string Name, ApiValue Value, string Description);

/// <summary>Marks the endpoints scoped to the request's tenant.</summary>
internal sealed record TenantScopedMarker;

/// <summary>Declares on an endpoint what the OpenAPI transformers describe (<see cref="ContractOperationTransformer"/>).</summary>
internal static class ApiDocs
{
    public const string ETagDescription = "The version of the item, a strong entity tag such as \"3\"; send it back in If-Match.";

    public static TBuilder Query<TBuilder>(this TBuilder builder, string name, ApiValue value, string description, bool required = false)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiParameter(name, "query", value, description, required));

    /// <summary>The endpoint honours <c>If-Match</c> with the item's version.</summary>
    public static TBuilder IfMatch<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiParameter("If-Match", "header", new ApiValue("string", Example: "\"3\"", Pattern: "^(\\*|\\s*\"[0-9]+\"\\s*(,\\s*\"[0-9]+\"\\s*)*)$"),
            "The version the decision was taken on, as the strong entity tag the last response's ETag carried (\"3\"); a stale one gets 412. "
            + "Weak tags (W/\"3\") never match (RFC 9110). Omit it to act on the current version."));

    /// <summary>The endpoint honours <c>Idempotency-Key</c>.</summary>
    public static TBuilder IdempotencyKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiParameter("Idempotency-Key", "header", new ApiValue("string", Example: "7f3c-0001", Pattern: "^[\\x21-\\x7E]{1,255}$"),
            "1 to 255 visible ASCII characters. A retry with the same key and body gets the first response again and changes nothing; "
            + "the same key with another body gets 422; a retry while the first request still runs gets 409."));

    public static TBuilder ETag<TBuilder>(this TBuilder builder, int status = StatusCodes.Status200OK)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiResponseHeader(status, "ETag", new ApiValue("string", Example: "\"1\""), ETagDescription));

    public static TBuilder Location<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ApiResponseHeader(StatusCodes.Status201Created, "Location", new ApiValue("string", "uri-reference"), "Where the created item is read."));
}
