using System.Text.Json.Nodes;
using AfterSales.Http.Endpoints;
using AfterSales.Http.Identity;
using AfterSales.Http.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace AfterSales.Http.OpenApi;

/// <summary>
/// Describes what the adapter's endpoints read and write by hand, from their metadata
/// (<see cref="ApiDocs"/>): query and header parameters with types and ranges, the tenant header,
/// response headers (<c>ETag</c>, <c>Location</c>, <c>Retry-After</c>), the problem schema of each error
/// status, 429 from the rate limits, and the security requirement of every operation.
/// </summary>
internal static class ContractOperationTransformer
{
    public static Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        operation.Security = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any()
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ContractDocumentTransformer.BearerScheme, document)] = [] }]
            : [];
        if (!metadata.OfType<AfterSalesGroupMarker>().Any())
        {
            return Task.CompletedTask;
        }

        var parameters = operation.Parameters ??= [];
        if (metadata.OfType<TenantScopedMarker>().Any()
            && context.ApplicationServices.GetService<ITenantResolver>() is HeaderTenantResolver header)
        {
            parameters.Add(Parameter(new ApiParameter(header.HeaderName, "header", new ApiValue("string", Example: "acme"),
                "The tenant (租户) the request acts for, 1 to 100 characters. Every read and write is scoped to it.", Required: true)));
        }
        else if (metadata.OfType<TenantScopedMarker>().Any()
            && context.ApplicationServices.GetService<IOptions<AfterSalesIdentityOptions>>()?.Value.AcceptTenantHeader == true)
        {
            parameters.Add(Parameter(new ApiParameter(HeaderTenantResolver.DefaultHeaderName, "header", new ApiValue("string", Example: "acme"),
                "The tenant (租户), for a request without a bearer token (development, or behind a trusted gateway); a token's tenant claim wins, and a different header is refused.")));
        }

        var options = context.ApplicationServices.GetService<IOptions<AfterSalesHttpOptions>>()?.Value ?? new AfterSalesHttpOptions();
        foreach (var p in metadata.OfType<ApiParameter>())
        {
            // Page sizes are bounded by the host's options, not by a constant.
            parameters.Add(Parameter(p.Name == "pageSize" ? p with { Value = p.Value with { Maximum = options.MaxPageSize } } : p));
        }

        foreach (var p in parameters.OfType<OpenApiParameter>().Where(static p => p.In == ParameterLocation.Path && string.IsNullOrEmpty(p.Description)))
        {
            p.Description = p.Name switch
            {
                "id" => "The item's id as the service or the client assigned it.",
                "serialNumber" => "The device's serial number.",
                "centreId" => "The service centre holding the stock.",
                "partNumber" => "The part number.",
                "year" => "The year, 2000 to 2099.",
                "quarter" => "The quarter, 1 to 4.",
                _ => null,
            };
        }

        var responses = operation.Responses ??= [];
        responses.TryAdd("429", new OpenApiResponse { Description = "Too Many Requests" });
        if (operation.Security.Count > 0)
        {
            responses.TryAdd("401", new OpenApiResponse { Description = "Unauthorized: no valid bearer token (WWW-Authenticate says why)" });
            responses.TryAdd("403", new OpenApiResponse { Description = "Forbidden: the user does not satisfy the endpoint's policy, or acts for another tenant" });
        }
        foreach (var (status, response) in responses)
        {
            if (response is not OpenApiResponse r || !int.TryParse(status, out var code))
            {
                continue;
            }

            if (code >= 400)
            {
                var name = code switch
                {
                    400 => ContractDocumentTransformer.ValidationProblem,
                    409 => ContractDocumentTransformer.ConflictProblem,
                    _ => ContractDocumentTransformer.Problem,
                };
                r.Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                {
                    ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(name, document) },
                };
            }

            if (code == 429)
            {
                Header(r, new ApiResponseHeader(429, "Retry-After", ApiValue.Integer(1, 86_400), "Seconds to wait before the next request is accepted."));
            }

            foreach (var h in metadata.OfType<ApiResponseHeader>().Where(h => h.Status == code))
            {
                Header(r, h);
            }
        }

        return Task.CompletedTask;
    }

    private static void Header(OpenApiResponse response, ApiResponseHeader header)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>(StringComparer.OrdinalIgnoreCase);
        response.Headers[header.Name] = new OpenApiHeader { Description = header.Description, Schema = Schema(header.Value) };
    }

    private static OpenApiParameter Parameter(ApiParameter p) => new()
    {
        Name = p.Name,
        In = p.In == "header" ? ParameterLocation.Header : ParameterLocation.Query,
        Required = p.Required,
        Description = p.Description,
        Schema = Schema(p.Value),
    };

    internal static OpenApiSchema Schema(ApiValue v) => new()
    {
        Type = v.Type == "integer" ? JsonSchemaType.Integer : JsonSchemaType.String,
        Format = v.Format,
        Minimum = v.Minimum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = v.Maximum?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Pattern = v.Pattern,
        Enum = v.Enum?.Select(static e => (JsonNode)JsonValue.Create(e)).ToList(),
        Examples = v.Example is null ? null : [JsonValue.Create(v.Example)],
    };
}
