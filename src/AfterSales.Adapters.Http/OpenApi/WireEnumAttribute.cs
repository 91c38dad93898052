namespace AfterSales.Http.OpenApi;

/// <summary>
/// Names the values a string field of a contract takes, so the OpenAPI document lists them as an
/// <c>enum</c> (and generated clients get an enum type): the names of <see cref="EnumType"/> less
/// <see cref="Except"/>, or <see cref="Values"/>. The contracts keep strings on the wire and in C#,
/// so a request with another value is still answered by the adapter's own 400 naming the field.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
internal sealed class WireEnumAttribute : Attribute
{
    /// <summary>The names of <paramref name="enumType"/>, less <paramref name="except"/>.</summary>
    public WireEnumAttribute(Type enumType, params string[] except)
    {
        EnumType = enumType;
        Except = except;
        Values = [.. Enum.GetNames(enumType).Where(n => !except.Contains(n, StringComparer.Ordinal))];
    }

    /// <summary>Whether the names travel in kebab case (<c>StartRemoteDiagnosis</c> → <c>start-remote-diagnosis</c>), as command names do.</summary>
    public bool KebabCase { get; init; }

    /// <summary>A fixed list of values.</summary>
    public WireEnumAttribute(params string[] values)
    {
        Except = [];
        Values = values;
    }

    public Type? EnumType { get; }

    public IReadOnlyList<string> Except { get; }

    public IReadOnlyList<string> Values { get; }

    /// <summary>The values as they travel.</summary>
    public IReadOnlyList<string> WireValues => KebabCase ? [.. Values.Select(Kebab)] : Values;

    private static string Kebab(string name) =>
        string.Concat(name.Select(static (c, i) => char.IsUpper(c) ? (i > 0 ? "-" : string.Empty) + char.ToLowerInvariant(c) : c.ToString()));
}
