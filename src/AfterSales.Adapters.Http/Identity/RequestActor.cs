using System.Security.Claims;
using AfterSales.Http.Errors;

namespace AfterSales.Http.Identity;

/// <summary>
/// The <see cref="Actor"/> of a request, from its authenticated principal: the subject from the
/// <c>sub</c> claim (or the name identifier), the display name from <c>name</c> (or the identity's
/// name, or <c>preferred_username</c>). None for anonymous requests.
/// </summary>
internal static class RequestActor
{
    private static readonly string[] SubjectClaims = ["sub", ClaimTypes.NameIdentifier];
    private static readonly string[] NameClaims = ["name", ClaimTypes.Name, "preferred_username"];

    /// <summary>The request's actor, or <see langword="null"/> when anonymous.</summary>
    /// <exception cref="RequestRejectedException">403: the token's subject is missing or unusable.</exception>
    public static Actor? Of(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var subject = Subject(user);
        if (subject is null || subject.Length > Actor.MaxLength || subject.Any(char.IsControl))
        {
            throw new RequestRejectedException(403, "The token names no usable user.",
                $"The token must carry a 'sub' claim of 1 to {Actor.MaxLength} characters without control characters: every change records who made it.");
        }

        var name = First(user, NameClaims) ?? user.Identity.Name;
        name = name is null ? null : new string([.. name.Where(static c => !char.IsControl(c)).Take(Actor.MaxLength)]);
        return new Actor(subject, name);
    }

    /// <summary>The subject claim, or <see langword="null"/> when anonymous or absent.</summary>
    public static string? Subject(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? First(user, SubjectClaims) : null;

    private static string? First(ClaimsPrincipal user, string[] types)
    {
        foreach (var type in types)
        {
            if (user.FindFirst(type)?.Value is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }
}
