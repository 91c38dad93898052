namespace AfterSales.Http.Errors;

/// <summary>A request the adapter refuses before or around the domain call; mapped to a problem with <see cref="StatusCode"/>.</summary>
internal sealed class RequestRejectedException : Exception
{
    public RequestRejectedException(int statusCode, string title, string detail, IDictionary<string, string[]>? errors = null)
        : base(detail)
    {
        StatusCode = statusCode;
        Title = title;
        Errors = errors;
    }

    public int StatusCode { get; }

    public string Title { get; }

    public IDictionary<string, string[]>? Errors { get; }

    public static RequestRejectedException Validation(string field, string message) =>
        new(400, "One or more fields are invalid.", message, new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static RequestRejectedException Validation(IDictionary<string, string[]> errors) =>
        new(400, "One or more fields are invalid.", string.Join(" ", errors.SelectMany(static e => e.Value)), errors);
}
