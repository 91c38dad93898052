using System.Globalization;
using AfterSales.Internal;

namespace AfterSales;

/// <summary>
/// The language explanations and reports are written in (说明语言): Chinese (<c>zh-CN</c>) or English
/// (<c>en</c>). SLA clock explanations, business-time explanations and the quarterly report's text
/// all take one, so one request gets one language throughout; an SLA policy names its default
/// (<see cref="Sla.SlaPolicy.Language"/>: <c>zh-CN</c> for the China presets).
/// </summary>
/// <remarks>
/// <para><b>How the texts are kept.</b> Every sentence is written in both languages side by side in
/// the code that says it, picked by <see cref="Text"/> — no satellite resource assemblies, so each
/// package stays one assembly (what the packaging test checks), a sentence can never lack a
/// translation or take different arguments in the two languages (both are compiled together), and
/// the Domain stays free of resource lookups.</para>
/// <para>Immutable; two instances, compare by reference or <see cref="Code"/>.</para>
/// </remarks>
public sealed class ExplanationLanguage
{
    private ExplanationLanguage(string code, bool isChinese)
    {
        Code = code;
        IsChinese = isChinese;
    }

    /// <summary>English (<c>en</c>).</summary>
    public static ExplanationLanguage English { get; } = new("en", isChinese: false);

    /// <summary>Simplified Chinese (<c>zh-CN</c>).</summary>
    public static ExplanationLanguage Chinese { get; } = new("zh-CN", isChinese: true);

    /// <summary>The BCP 47 code: <c>en</c> or <c>zh-CN</c>.</summary>
    public string Code { get; }

    internal bool IsChinese { get; }

    /// <summary>
    /// The language for a culture name: any Chinese (<c>zh</c>, <c>zh-CN</c>, <c>zh-Hans-CN</c>, …) is
    /// <see cref="Chinese"/>, any English is <see cref="English"/>; <see langword="null"/> for other
    /// languages, so a caller can try the next preference.
    /// </summary>
    /// <param name="cultureName">A culture name such as <c>zh-CN</c> or <c>en-GB</c>.</param>
    public static ExplanationLanguage? Find(string? cultureName)
    {
        var name = cultureName?.Trim() ?? string.Empty;
        var primary = name.Split('-', 2)[0];
        return primary.ToUpperInvariant() switch
        {
            "ZH" => Chinese,
            "EN" => English,
            _ => null,
        };
    }

    /// <summary>The language of <paramref name="culture"/> (see <see cref="Find"/>), English when neither.</summary>
    /// <param name="culture">The culture, e.g. <see cref="CultureInfo.CurrentUICulture"/>.</param>
    public static ExplanationLanguage For(CultureInfo culture) => Find(Guard.NotNull(culture).Name) ?? English;

    /// <summary>Picks the sentence in this language.</summary>
    /// <param name="zh">The Chinese sentence.</param>
    /// <param name="en">The English sentence.</param>
    public string Text(string zh, string en) => IsChinese ? zh : en;

    /// <summary>A duration as people write it: <c>2 h 10 min</c>, or <c>2小时10分钟</c>.</summary>
    /// <param name="duration">The duration.</param>
    public string Duration(NodaTime.Duration duration) => DurationText.Format(duration, this);

    /// <inheritdoc />
    public override string ToString() => Code;
}
