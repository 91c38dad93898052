using System.Text;
using AfterSales.Calendars;
using AfterSales.Sla;

namespace AfterSales.Documents.Policies;

/// <summary>
/// The SLA presets of <see cref="SlaPresets"/> as the policy documents the package ships
/// (预置服务级别协议文档), one JSON file per version (<c>presets/{id}.v{version}.json</c> in the
/// package, embedded too): what a host loads into its catalog, or copies to write its own contract.
/// Reading one gives a policy equal to the C# preset (tested).
/// </summary>
/// <remarks>Thread-safe; the documents are read and built once.</remarks>
public static class PolicyPresets
{
    private static readonly Lazy<IReadOnlyList<SlaPolicy>> Policies = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The keys (<c>id@version</c>) of the shipped documents, in the order of <see cref="SlaPresets.All"/>.</summary>
    public static IReadOnlyList<string> Keys => [.. SlaPresets.All.Select(static p => p.Key)];

    /// <summary>Every shipped document read into a policy, calendars resolved from <see cref="CalendarPresets.All"/>.</summary>
    public static IReadOnlyList<SlaPolicy> All => Policies.Value;

    /// <summary>The text of the shipped document of <paramref name="key"/> (<c>id@version</c>).</summary>
    /// <param name="key">The preset's key.</param>
    /// <exception cref="ArgumentException">No document ships under that key.</exception>
    public static string DocumentText(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var name = "AfterSales.Documents.Presets." + FileName(key);
        using var stream = typeof(PolicyPresets).Assembly.GetManifestResourceStream(name)
            ?? throw new ArgumentException($"key: no preset document ships as '{key}'; the keys are {string.Join(", ", Keys)}.", nameof(key));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The file name of a preset's document: <c>cn-002-system-integration.v1.json</c>.</summary>
    /// <param name="key">The preset's key, <c>id@version</c>.</param>
    public static string FileName(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return key.Replace("@", ".v", StringComparison.Ordinal) + ".json";
    }

    /// <summary>Resolves a preset calendar by id (the presets' calendars are all version 1 of <see cref="CalendarPresets.All"/>).</summary>
    /// <param name="id">The calendar id.</param>
    public static BusinessCalendar? PresetCalendar(string id) => CalendarPresets.All.FirstOrDefault(c => c.Id == id)?.Calendar;

    private static IReadOnlyList<SlaPolicy> Load() =>
    [
        .. Keys.Select(static key =>
        {
            var version = int.Parse(key.AsSpan(key.LastIndexOf('@') + 1), System.Globalization.CultureInfo.InvariantCulture);
            var read = PolicyDocuments.ReadPolicy(DocumentText(key), PresetCalendar);
            return read.Success
                ? read.Value.WithVersion(version)
                : throw new InvalidOperationException($"The shipped preset {key} is not a valid document: {string.Join("; ", read.Errors)}");
        }),
    ];
}
