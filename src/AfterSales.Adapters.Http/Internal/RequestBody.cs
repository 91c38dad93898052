using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AfterSales.Http.Errors;
using AfterSales.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace AfterSales.Http.Internal;

/// <summary>Reads JSON request bodies with the adapter's rules: JSON content type (415), size limit (413), field-level parse errors (400).</summary>
internal static class RequestBody
{
    public static JsonSerializerOptions JsonOptions { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            MaxDepth = 32,

            // Numbers are JSON numbers, as the OpenAPI document says; "5" is not an integer.
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
        };
        options.AddNodaTimeConverters();
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>Reads the body as <typeparamref name="T"/>; <see langword="null"/> only when <paramref name="optional"/> and there is no body.</summary>
    public static async Task<T?> ReadAsync<T>(HttpContext http, long limit, bool optional = false)
        where T : class
    {
        var bytes = await ReadBytesAsync(http, limit, requireJson: true).ConfigureAwait(false);
        if (bytes is null || bytes.Length == 0)
        {
            return optional ? null : throw RequestRejectedException.Validation("$", "A JSON request body is required.");
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, JsonOptions)
                ?? throw RequestRejectedException.Validation("$", "The request body must be a JSON object, not null.");
        }
        catch (JsonException ex)
        {
            if (MissingFields(bytes, ex.Path, typeof(T)) is { Count: > 0 } missing)
            {
                throw RequestRejectedException.Validation(missing.ToDictionary(static f => f, static f => new[] { f + " is required." }, StringComparer.Ordinal));
            }

            var field = Field(ex.Path);
            throw RequestRejectedException.Validation(field, Describe(ex, field, typeof(T)));
        }
        catch (NotSupportedException)
        {
            throw RequestRejectedException.Validation("$", "The request body has a shape this endpoint does not accept.");
        }
        catch (ArgumentException ex)
        {
            throw RequestRejectedException.Validation("$", ex.Message);
        }
    }

    /// <summary>
    /// The body as a parsed JSON document, for documents validated against their published schema
    /// before anything is built from them (errors then come back by JSON path).
    /// </summary>
    public static async Task<JsonDocument> ReadDocumentAsync(HttpContext http, long limit)
    {
        var bytes = await ReadBytesAsync(http, limit, requireJson: true).ConfigureAwait(false);
        if (bytes is null || bytes.Length == 0)
        {
            throw RequestRejectedException.Validation("$", "A JSON request body is required.");
        }

        try
        {
            return JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            throw RequestRejectedException.Validation("$", "The request body is not valid JSON: " + ex.Message.Split(" Path:", 2)[0]);
        }
    }

    /// <summary>The raw body, bounded; null when there is none. Checks the content type when <paramref name="requireJson"/>.</summary>
    public static async Task<byte[]?> ReadBytesAsync(HttpContext http, long limit, bool requireJson)
    {
        var request = http.Request;
        if (request.ContentLength is { } length && length > limit)
        {
            throw TooLarge(limit);
        }

        var hasBody = request.ContentLength > 0
            || (request.ContentLength is null && request.Headers.ContainsKey(HeaderNames.TransferEncoding));
        if (!hasBody)
        {
            return null;
        }

        if (requireJson && !IsJson(request.ContentType))
        {
            throw new RequestRejectedException(415, "Unsupported media type.", "The request body must be JSON (Content-Type: application/json).");
        }

        if (request.ContentLength is { } declared)
        {
            // Kestrel delivers exactly the declared length (or fails the read): one array of that size.
            var body = GC.AllocateUninitializedArray<byte>((int)declared);
            var filled = 0;
            while (filled < body.Length)
            {
                var count = await request.Body.ReadAsync(body.AsMemory(filled), http.RequestAborted).ConfigureAwait(false);
                if (count == 0)
                {
                    return body[..filled];
                }

                filled += count;
            }

            return body;
        }

        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var memory = buffer.GetMemory();
            var read = await request.Body.ReadAsync(memory, http.RequestAborted).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                throw TooLarge(limit);
            }
        }

        return buffer.WrittenSpan.ToArray();
    }

    internal static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        if (media.Charset.HasValue && !media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var type = media.MediaType;
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (type.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && type.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    private static RequestRejectedException TooLarge(long limit) =>
        new(413, "The request body is too large.", $"The request body must be at most {limit} bytes.");

    private static string Field(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "$";
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    /// <summary>
    /// The required fields the object at <paramref name="path"/> lacks, spelled as JSON paths
    /// (<c>reporter.name</c>): System.Text.Json reports them in one message naming the .NET type, so
    /// they are found again from the contract and the body.
    /// </summary>
    internal static List<string>? MissingFields(byte[] body, string? path, Type root)
    {
        if (JsonPathTypes.Resolve(JsonOptions, root, path) is not { } type
            || JsonOptions.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type) is not { Kind: JsonTypeInfoKind.Object } info)
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body, new JsonNodeOptions { PropertyNameCaseInsensitive = true });
        }
        catch (JsonException)
        {
            return null;
        }

        if (JsonPathTypes.Navigate(node, path) is not JsonObject value)
        {
            return null;
        }

        var prefix = Field(path) is "$" ? string.Empty : Field(path) + ".";
        return [.. info.Properties.Where(p => p.IsRequired && !value.ContainsKey(p.Name)).Select(p => prefix + p.Name)];
    }

    private static string Describe(JsonException ex, string field, Type body)
    {
        // A value that does not convert (not malformed JSON, whose reader error is the inner exception):
        // say what the field must be, not which .NET type failed.
        if (ex.InnerException is not JsonException
            && JsonPathTypes.Resolve(JsonOptions, body, ex.Path) is { } type
            && Expected(type) is { } expected)
        {
            return $"{field} must be {expected}.";
        }

        // Otherwise System.Text.Json's message names the problem; drop the position noise.
        var message = ex.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static string? Expected(Type type) => NodaTimeWireFormats.For(type) is { } wire
        ? $"{wire.Description} such as {wire.Example}"
        : (Nullable.GetUnderlyingType(type) ?? type) switch
        {
            var t when t == typeof(int) || t == typeof(long) => "a whole number",
            var t when t == typeof(decimal) || t == typeof(double) => "a number",
            var t when t == typeof(bool) => "true or false",
            var t when t == typeof(string) => "a string",
            _ => null,
        };
}
