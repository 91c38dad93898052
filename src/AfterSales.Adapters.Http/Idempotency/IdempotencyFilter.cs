using System.Security.Cryptography;
using System.Text;
using AfterSales.Http.Errors;
using AfterSales.Http.Identity;
using AfterSales.Idempotency;
using AfterSales.Http.Internal;
using AfterSales.Http.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AfterSales.Http.Idempotency;

/// <summary>
/// Honours <c>Idempotency-Key</c> on a creating endpoint: the first request runs and its successful
/// response is stored; a retry with the same key and body replays it; the same key with another body
/// gets 422; a retry while the first still runs gets 409. Failed requests are not stored, so their
/// retry runs again. A first response whose body was too large to keep
/// (<see cref="IdempotencyStoreOptions.MaxResponseBytes"/>) is replayed as a 409 problem naming its
/// status and Location: the request is never run twice.
/// </summary>
internal sealed class IdempotencyFilter(IIdempotencyStore store, IOptions<AfterSalesHttpOptions> options, IClock clock) : IEndpointFilter
{
    public const string HeaderName = "Idempotency-Key";
    private static readonly string[] ReplayedHeaders = [HeaderNames.Location, HeaderNames.ETag, HeaderNames.ContentType];

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var values = http.Request.Headers[HeaderName];
        if (values.Count == 0)
        {
            return await next(context).ConfigureAwait(false);
        }

        var key = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(key) || key.Length > 255 || key.Any(static c => c is < '!' or > '~'))
        {
            throw RequestRejectedException.Validation(HeaderName, "Idempotency-Key must be one value of 1 to 255 visible ASCII characters.");
        }

        var tenant = http.Tenant();
        var body = await RequestBody.ReadBytesAsync(http, options.Value.MaxRequestBodySize, requireJson: false).ConfigureAwait(false) ?? [];
        http.Request.Body = new MemoryStream(body, writable: false);
        http.Request.ContentLength = body.Length;
        var fingerprint = Fingerprint(http.Request.Method, http.Request.Path, RequestActor.Subject(http.User), body);

        var now = clock.GetCurrentInstant();
        var expiresAt = now + Duration.FromTimeSpan(options.Value.IdempotencyKeyLifetime);
        var reservation = await store.TryReserveAsync(tenant, key, fingerprint, now, expiresAt, http.RequestAborted).ConfigureAwait(false);
        switch (reservation.Outcome)
        {
            case IdempotencyOutcome.Completed when reservation.Response!.OmittedBodyLength is { } length:
                throw NotKept(http, reservation.Response, length);
            case IdempotencyOutcome.Completed:
                return new ReplayResult(reservation.Response!);
            case IdempotencyOutcome.InProgress:
                throw new RequestRejectedException(409, "A request with this Idempotency-Key is still in progress.", "Retry after the first request completed.");
            case IdempotencyOutcome.FingerprintMismatch:
                throw new RequestRejectedException(422, "The Idempotency-Key was used for a different request.",
                    "Each Idempotency-Key belongs to one request body; use a new key for a new request.");
        }

        object? result;
        try
        {
            result = await next(context).ConfigureAwait(false);
        }
        catch
        {
            await store.ReleaseAsync(reservation, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (result is not IResult executable)
        {
            await store.ReleaseAsync(reservation, CancellationToken.None).ConfigureAwait(false);
            return result;
        }

        var captured = await CaptureAsync(http, executable).ConfigureAwait(false);
        if (captured.StatusCode is >= 200 and < 300)
        {
            await store.CompleteAsync(reservation, captured, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            await store.ReleaseAsync(reservation, CancellationToken.None).ConfigureAwait(false);
        }

        return new ReplayResult(captured);
    }

    private static RequestRejectedException NotKept(HttpContext http, IdempotentResponse response, int length)
    {
        var location = response.Headers.TryGetValue(HeaderNames.Location, out var l) ? l : null;
        if (location is not null)
        {
            http.Response.Headers.Location = location;
        }

        return new RequestRejectedException(409, "The first response to this Idempotency-Key was too large to keep.",
            $"The first request with this key succeeded with status {response.StatusCode}; its body ({length} bytes) was over the limit for stored responses, so it cannot be replayed. "
            + (location is null ? "" : $"Read what it made at {location}. ")
            + "Send the request with a new key only if you mean to run it again.");
    }

    /// <summary>The request's method, path, user and body: a key belongs to one request of one user.</summary>
    internal static string Fingerprint(string method, string path, string? user, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{method} {path}\n{user}\n"));
        hash.AppendData(body);
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static async Task<IdempotentResponse> CaptureAsync(HttpContext http, IResult result)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            await result.ExecuteAsync(http).ConfigureAwait(false);
        }
        finally
        {
            http.Response.Body = original;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in ReplayedHeaders)
        {
            if (http.Response.Headers.TryGetValue(name, out var value) && value.Count > 0)
            {
                headers[name] = value.ToString();
            }
        }

        return new IdempotentResponse(http.Response.StatusCode, headers, buffer.ToArray());
    }

    /// <summary>Writes a stored response again, byte for byte.</summary>
    private sealed class ReplayResult(IdempotentResponse response) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = response.StatusCode;
            foreach (var (name, value) in response.Headers)
            {
                httpContext.Response.Headers[name] = value;
            }

            httpContext.Response.ContentLength = response.Body.Length;
            await httpContext.Response.Body.WriteAsync(response.Body, httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
