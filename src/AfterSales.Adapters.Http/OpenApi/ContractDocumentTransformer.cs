using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AfterSales.Http.OpenApi;

/// <summary>
/// The document-wide parts: the problem-details schemas the operations refer to (RFC 9457, with the
/// adapter's extensions), the bearer security scheme, server URLs without a trailing slash, and a
/// description for each of the adapter's tags.
/// </summary>
internal static class ContractDocumentTransformer
{
    public const string Problem = "ProblemDetails";
    public const string ValidationProblem = "ValidationProblemDetails";
    public const string ConflictProblem = "ConflictProblemDetails";
    public const string BearerScheme = "bearer";

    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Tickets"] = "Work orders (工单): report a fault, move it through its workflow, read its SLA clocks.",
        ["Reference"] = "What the service offers, the same for every tenant: the workflow, the SLA policies, the business-time calculator.",
        ["Entitlements"] = "Warranty (质保), devices, quotes for paid work and spare parts (备品备件).",
        ["Quality"] = "Complaints (投诉) and the quarterly service report (季度服务报告).",
    };

    public static Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal);
        schemas[Problem] = ProblemSchema();
        schemas[ValidationProblem] = Extending(document, "A request whose fields are invalid; errors lists each field, keyed by its JSON path as the client spells it.", new()
        {
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "The problems per field: reporter.name, lines[2].amount, the query parameter page, the header Idempotency-Key, or $ for the body as a whole.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        }, required: ["errors"]);
        schemas[ConflictProblem] = Extending(document, "A request that conflicts with the item's state. When the workflow refused a command, state, command, unmetGuards and permittedCommands say why.", new()
        {
            ["state"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The item's state when the command was refused, e.g. Reported." },
            ["command"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The refused command, as its route names it, e.g. close." },
            ["unmetGuards"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "The conditions the command waits for, in words." },
            ["permittedCommands"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String }, Description = "The commands the item accepts now." },
        });

        var schemes = document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        schemes.TryAdd(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A bearer token (JWT) from the host's identity provider. Operations list it when the host requires authorization on them.",
        });

        foreach (var server in document.Servers ?? [])
        {
            if (server.Url is { Length: > 1 } url && url.EndsWith('/'))
            {
                server.Url = url.TrimEnd('/');
            }
        }

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Tags.TryGetValue(name, out var description))
            {
                tag.Description ??= description;
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema ProblemSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem: what went wrong, in words a client can show.",
        Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference", Description = "A URI naming the problem type." },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "A short summary of the problem type." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599", Description = "The HTTP status code." },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What went wrong with this request." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's path." },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The W3C trace id of the request, to find it in the service's logs and traces." },
        },
    };

    private static OpenApiSchema Extending(OpenApiDocument document, string description, Dictionary<string, IOpenApiSchema> properties, HashSet<string>? required = null) => new()
    {
        Description = description,
        AllOf =
        [
            new OpenApiSchemaReference(Problem, document),
            new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = required },
        ],
    };
}
