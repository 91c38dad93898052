using AfterSales.Http.OpenApi;
using Microsoft.AspNetCore.OpenApi;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>OpenAPI support for the types the AfterSales.Kit API exchanges.</summary>
public static class AfterSalesOpenApiExtensions
{
    /// <summary>
    /// Describes the AfterSales.Kit API the way it travels, so generated clients (Kiota,
    /// openapi-typescript, NSwag) work: NodaTime types as inline strings with a format or pattern and
    /// an example — <see cref="NodaTime.Instant"/> <c>date-time</c>, <see cref="NodaTime.Duration"/>
    /// <c>duration</c>, <see cref="NodaTime.LocalDate"/> <c>date</c>, <see cref="NodaTime.LocalTime"/>
    /// <c>time</c> (<c>HH:mm</c> or <c>HH:mm:ss</c>), <see cref="NodaTime.YearMonth"/>,
    /// <see cref="NodaTime.LocalDateTime"/>, <see cref="NodaTime.Offset"/> and a
    /// <see cref="NodaTime.DateTimeZone"/> (an IANA id); integers as integers; fields with a fixed set of
    /// values as enums; the query and header parameters the endpoints read (filters, paging, <c>at</c>,
    /// <c>format</c>, the tenant header, <c>If-Match</c>, <c>Idempotency-Key</c>) with types and ranges;
    /// <c>ETag</c>, <c>Location</c> and <c>Retry-After</c> response headers; problem-details schemas per
    /// status (400 with <c>errors</c>, 409 with the workflow's refusal); and a <c>bearer</c> security
    /// scheme, required by the operations whose endpoints require authorization.
    /// </summary>
    /// <remarks>
    /// Property descriptions come from the contracts' XML documentation through the OpenAPI package's
    /// XML-comment generator, which reads a referenced assembly's comments only when the host lists its
    /// XML file as an <c>AdditionalFiles</c> item; see the adapter's README.
    /// </remarks>
    /// <param name="options">The document's options, from <c>services.AddOpenApi(o => o.AddAfterSalesSchemas())</c>.</param>
    /// <returns>The same options.</returns>
    public static OpenApiOptions AddAfterSalesSchemas(this OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.CreateSchemaReferenceId = ContractSchemaTransformer.ReferenceIds(options.CreateSchemaReferenceId);
        options.AddSchemaTransformer(ContractSchemaTransformer.TransformAsync);
        options.AddOperationTransformer(ContractOperationTransformer.TransformAsync);
        options.AddDocumentTransformer(ContractDocumentTransformer.TransformAsync);
        return options;
    }
}
