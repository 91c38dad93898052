namespace AfterSales;

/// <summary>
/// One problem found in a definition (a calendar, a policy) before anything is built (定义校验问题):
/// where it is, as a path in the definition's own field names (<c>weeklyHours.monday[1]</c>,
/// <c>years[2].holidays[0].date</c>), and why. Document adapters prefix the path with <c>$.</c> to
/// make it the JSON path the client sent.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class DefinitionIssue
{
    /// <summary>Creates an issue.</summary>
    /// <param name="path">Where: field names and indexes joined by dots, empty for the whole definition.</param>
    /// <param name="message">Why, in a sentence that names the value and what was expected.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public DefinitionIssue(string path, string message)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        Message = message ?? throw new ArgumentNullException(nameof(message));
    }

    /// <summary>Where the problem is, e.g. <c>weeklyHours.monday[1]</c>; empty for the whole definition.</summary>
    public string Path { get; }

    /// <summary>What is wrong and what was expected.</summary>
    public string Message { get; }

    /// <summary>The same issue one level down, e.g. <c>holidays[0].date</c> under <c>years[3]</c>.</summary>
    /// <param name="prefix">The path of the part the issue was found in.</param>
    public DefinitionIssue Under(string prefix) =>
        new(Path.Length == 0 ? prefix : Path.StartsWith('[') ? prefix + Path : prefix + "." + Path, Message);

    /// <summary><c>path: message</c>.</summary>
    public override string ToString() => Path.Length == 0 ? Message : Path + ": " + Message;
}
