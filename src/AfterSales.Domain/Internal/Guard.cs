using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace AfterSales.Internal;

/// <summary>
/// Contract checks for public entry points. Each throws an <see cref="ArgumentException"/>
/// (or a subclass) that names the offending argument and says what was expected, so a caller
/// can fix the call from the message alone.
/// </summary>
internal static class Guard
{
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : class
        => value ?? throw new ArgumentNullException(name, $"{name} must not be null.");

    public static string NotBlank([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string? name = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(name, $"{name} must not be null.");
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty or white space.", name);
        }

        return value;
    }

    public static NodaTime.Duration NotNegative(NodaTime.Duration value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value < NodaTime.Duration.Zero
            ? throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative, was {value}.")
            : value;

    public static int NotNegative(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value < 0
            ? throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative, was {value}.")
            : value;

    public static int Positive(int value, [CallerArgumentExpression(nameof(value))] string? name = null)
        => value <= 0
            ? throw new ArgumentOutOfRangeException(name, value, $"{name} must be at least 1, was {value}.")
            : value;

    public static T Defined<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}, was {value}.");
}
