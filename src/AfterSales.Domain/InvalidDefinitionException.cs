namespace AfterSales;

/// <summary>
/// Thrown when a definition (a calendar, a policy) has problems: every problem found, each with
/// its path (<see cref="Issues"/>), so a caller can fix them all at once. Nothing is built.
/// </summary>
public sealed class InvalidDefinitionException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="issues"/>.</summary>
    /// <param name="what">What was being defined, e.g. <c>calendar 'cn-statutory-9-18'</c>.</param>
    /// <param name="issues">The problems, at least one.</param>
    public InvalidDefinitionException(string what, IReadOnlyList<DefinitionIssue> issues)
        : base($"The {what} is invalid: " + string.Join("; ", issues) + ".", issues.Count > 0 ? issues[0].Path : null)
    {
        Issues = issues;
    }

    /// <summary>Every problem found, in the order of the definition.</summary>
    public IReadOnlyList<DefinitionIssue> Issues { get; }
}
