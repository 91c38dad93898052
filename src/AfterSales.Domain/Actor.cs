using AfterSales.Internal;

namespace AfterSales;

/// <summary>
/// Who did something (操作人): the authenticated user as the host's identity provider names them —
/// a stable <see cref="Subject"/> and a <see cref="DisplayName"/> for people. Recorded on every event
/// a command appends, so a dispute can be answered from the history. Immutable; value equality.
/// </summary>
/// <remarks>
/// Identity is the host's: an adapter reads the actor from the request's principal (the HTTP adapter
/// takes the <c>sub</c> and <c>name</c> claims) and hands it to the domain as this plain value.
/// </remarks>
public sealed record Actor
{
    /// <summary>The longest subject or display name accepted, in characters.</summary>
    public const int MaxLength = 200;

    /// <summary>Creates an actor.</summary>
    /// <param name="subject">The stable id of the user (the token's <c>sub</c>); 1 to 200 characters.</param>
    /// <param name="displayName">The name shown to people, if the identity provider gives one; at most 200 characters.</param>
    /// <exception cref="ArgumentException">The subject is blank, or a value is longer than <see cref="MaxLength"/> or holds control characters.</exception>
    public Actor(string subject, string? displayName = null)
    {
        Subject = Checked(Guard.NotBlank(subject), nameof(subject));
        DisplayName = string.IsNullOrWhiteSpace(displayName) ? null : Checked(displayName, nameof(displayName));
    }

    /// <summary>The stable id of the user (主体标识), e.g. the token's <c>sub</c> claim.</summary>
    public string Subject { get; }

    /// <summary>The name shown to people (显示名称), or <see langword="null"/> when unknown.</summary>
    public string? DisplayName { get; }

    /// <summary>For example <c>Li Wei (u-42)</c>, or the subject alone.</summary>
    public override string ToString() => DisplayName is null ? Subject : $"{DisplayName} ({Subject})";

    private static string Checked(string value, string name) =>
        value.Length > MaxLength || value.Any(char.IsControl)
            ? throw new ArgumentException($"{name} must be at most {MaxLength} characters without control characters, was {value.Length} characters.", name)
            : value;
}
