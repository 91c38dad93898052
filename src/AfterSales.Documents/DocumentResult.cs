namespace AfterSales.Documents;

/// <summary>
/// The outcome of reading a document (文档读取结果): the domain value it defines, or every error found
/// by JSON path — first against the published JSON Schema, then the domain's own checks. Expected
/// failures are values, not exceptions, like NodaTime's <c>ParseResult</c>.
/// </summary>
/// <typeparam name="T">What the document defines.</typeparam>
public sealed class DocumentResult<T>
    where T : class
{
    private readonly T? value;

    private DocumentResult(T? value, IReadOnlyList<DocumentError> errors)
    {
        this.value = value;
        Errors = errors;
    }

    /// <summary>Whether the document is valid.</summary>
    public bool Success => value is not null;

    /// <summary>The value the document defines.</summary>
    /// <exception cref="InvalidOperationException">The document was invalid; the message lists the errors.</exception>
    public T Value => value ?? throw new InvalidOperationException("The document is invalid: " + string.Join("; ", Errors));

    /// <summary>The errors, in document order; empty when valid.</summary>
    public IReadOnlyList<DocumentError> Errors { get; }

    /// <summary>The errors grouped by path, as RFC 9457's <c>errors</c> member carries them.</summary>
    public IDictionary<string, string[]> ErrorsByPath() =>
        Errors.GroupBy(static e => e.Path, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Select(static e => e.Message).ToArray(), StringComparer.Ordinal);

    internal static DocumentResult<T> Valid(T value) => new(value, []);

    internal static DocumentResult<T> Invalid(IReadOnlyList<DocumentError> errors) => new(null, errors);
}
