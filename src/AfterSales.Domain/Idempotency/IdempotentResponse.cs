namespace AfterSales.Idempotency;

/// <summary>
/// A stored first response: its status, the headers worth replaying (Location, ETag, Content-Type)
/// and its body — or, for a body over <see cref="IdempotencyStoreOptions.MaxResponseBytes"/>, only
/// the body's length (<see cref="OmittedBodyLength"/>). Immutable.
/// </summary>
public sealed class IdempotentResponse
{
    /// <summary>Creates a response whose body is kept.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="headers">The headers to replay, by name.</param>
    /// <param name="body">The body as sent.</param>
    public IdempotentResponse(int statusCode, IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body)
        : this(statusCode, headers, body, null)
    {
    }

    private IdempotentResponse(int statusCode, IReadOnlyDictionary<string, string> headers, ReadOnlyMemory<byte> body, int? omittedBodyLength)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
        OmittedBodyLength = omittedBodyLength;
    }

    /// <summary>The status code.</summary>
    public int StatusCode { get; }

    /// <summary>The replayed headers, by name.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The body as sent; empty when it was not kept.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The length of a body too large to keep, or <see langword="null"/> when <see cref="Body"/> is the whole body.</summary>
    public int? OmittedBodyLength { get; }

    /// <summary>The bytes this response counts against a tenant's bound: its body and header text.</summary>
    public int Size => Body.Length + Headers.Sum(static h => h.Key.Length + h.Value.Length);

    /// <summary>A response whose body was too large to keep: its status and headers, and the body's length.</summary>
    /// <param name="statusCode">The status code.</param>
    /// <param name="headers">The headers to replay.</param>
    /// <param name="bodyLength">The length of the body not kept.</param>
    public static IdempotentResponse WithoutBody(int statusCode, IReadOnlyDictionary<string, string> headers, int bodyLength) =>
        new(statusCode, headers, ReadOnlyMemory<byte>.Empty, bodyLength);

    /// <summary>This response as a store keeps it under <paramref name="maxBodyBytes"/>: itself, or <see cref="WithoutBody"/>.</summary>
    /// <param name="maxBodyBytes">The largest body kept.</param>
    public IdempotentResponse Bounded(int maxBodyBytes) =>
        OmittedBodyLength is null && Body.Length > maxBodyBytes ? WithoutBody(StatusCode, Headers, Body.Length) : this;
}
