using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace AfterSales.Documents;

/// <summary>
/// Validates JSON against the package's embedded schemas with JsonSchema.Net and turns its output
/// into errors by JSON path (<c>$.weeklyHours.monday[1]</c>).
/// </summary>
internal sealed class SchemaValidator
{
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List };

    private readonly JsonSchema schema;

    private SchemaValidator(JsonSchema schema) => this.schema = schema;

    /// <summary>The embedded schema file's text.</summary>
    public static string Text(string fileName)
    {
        var name = "AfterSales.Documents.Schemas." + fileName;
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded schema {name} is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>A validator for the whole schema in <paramref name="fileName"/>, or for one of its <c>$defs</c>.</summary>
    public static SchemaValidator For(string fileName, string? definition = null)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var root = JsonSchema.FromText(Text(fileName), options);
        if (definition is null)
        {
            return new SchemaValidator(root);
        }

        var id = root.BaseUri.OriginalString;
        return new SchemaValidator(new JsonSchemaBuilder(options).Ref(id + "#/$defs/" + definition).Build(options));
    }

    /// <summary>The schema errors of <paramref name="instance"/>, by JSON path; empty when valid.</summary>
    public List<DocumentError> Validate(JsonElement instance)
    {
        var results = schema.Evaluate(instance, Options);
        var errors = new List<DocumentError>();
        if (results.IsValid)
        {
            return errors;
        }

        foreach (var detail in results.Details ?? [])
        {
            if (detail.IsValid || detail.Errors is not { Count: > 0 } messages)
            {
                continue;
            }

            var path = ToJsonPath(detail.InstanceLocation.ToString());
            foreach (var message in messages.Values)
            {
                if (!errors.Exists(e => e.Path == path && e.Message == message))
                {
                    errors.Add(new DocumentError(path, message));
                }
            }
        }

        if (errors.Count == 0)
        {
            errors.Add(new DocumentError("$", "The document does not match its schema."));
        }

        return errors;
    }

    /// <summary>
    /// Every document's read (文档读取): the schema first — its errors, all of them, by JSON path — and only a
    /// valid document deserialized and handed to <paramref name="convert"/> for the domain's own checks.
    /// </summary>
    public DocumentResult<TResult> Read<TDocument, TResult>(JsonElement json, JsonSerializerOptions options, Func<TDocument, DocumentResult<TResult>> convert)
        where TDocument : class
        where TResult : class
    {
        var errors = Validate(json);
        return errors.Count > 0 ? DocumentResult<TResult>.Invalid(errors) : convert(json.Deserialize<TDocument>(options)!);
    }

    /// <summary><c>/weeklyHours/monday/1</c> → <c>$.weeklyHours.monday[1]</c> (RFC 6901 pointer to a JSON path).</summary>
    internal static string ToJsonPath(string pointer)
    {
        var path = new StringBuilder("$");
        if (pointer.Length == 0 || pointer == "#")
        {
            return "$";
        }

        foreach (var raw in pointer.TrimStart('#').Split('/').Skip(1))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
            {
                path.Append('[').Append(segment).Append(']');
            }
            else if (segment.Length > 0 && (char.IsAsciiLetter(segment[0]) || segment[0] == '_') && segment.All(static c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                path.Append('.').Append(segment);
            }
            else
            {
                path.Append("['").Append(segment.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }

        return path.ToString();
    }

    /// <summary>A domain path (<c>years[2].holidays[0].date</c>) as a JSON path under <paramref name="root"/>.</summary>
    internal static string FromDomainPath(string root, string path) =>
        path.Length == 0 ? root : path.StartsWith('[') ? root + path : root + "." + path;

    internal static string Index(string root, string list, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{root}.{list}[{index}]");
}
