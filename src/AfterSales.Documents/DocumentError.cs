namespace AfterSales.Documents;

/// <summary>One error in a document (文档错误): its JSON path as the client spelt it (<c>$.weeklyHours.monday[1]</c>) and why.</summary>
/// <remarks>Immutable.</remarks>
public sealed class DocumentError
{
    /// <summary>Creates an error.</summary>
    /// <param name="path">The JSON path, starting with <c>$</c>.</param>
    /// <param name="message">What is wrong and what was expected.</param>
    public DocumentError(string path, string message)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>The JSON path, e.g. <c>$.years[0].holidays[2].date</c>; <c>$</c> for the whole document.</summary>
    public string Path { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Message { get; }

    /// <summary><c>path: message</c>.</summary>
    public override string ToString() => Path + ": " + Message;
}
