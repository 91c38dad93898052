using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Documents.Policies;
using AfterSales.Sla;
using AfterSales.Testing;

namespace AfterSales.Documents.Tests.Policies;

/// <summary>Every preset ships as a policy document that builds a policy equal to the C# preset.</summary>
public class PolicyPresetDocumentTests
{
    public static TheoryData<string> Keys() => [.. SlaPresets.All.Select(static p => p.Key)];

    [Theory]
    [MemberData(nameof(Keys))]
    public void ShippedDocument_Read_EqualsCSharpPreset(string key)
    {
        var preset = SlaPresets.All.Single(p => p.Key == key);
        var fromJson = PolicyPresets.All.Single(p => p.Key == key);

        Assert.Equal(PolicyFingerprint.Of(preset), PolicyFingerprint.Of(fromJson));
    }

    /// <summary>
    /// The shipped files are what the writer makes of the C# presets. Set AFTERSALES_WRITE_PRESETS to
    /// the package's Presets folder to rewrite them after changing a preset.
    /// </summary>
    [Theory]
    [MemberData(nameof(Keys))]
    public void ShippedDocument_IsTheWritersOutput(string key)
    {
        var written = JsonNode.Parse(PolicyDocuments.Write(SlaPresets.All.Single(p => p.Key == key)))!;
        if (Environment.GetEnvironmentVariable("AFTERSALES_WRITE_PRESETS") is { Length: > 0 } folder)
        {
            var indented = new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            File.WriteAllText(Path.Combine(folder, PolicyPresets.FileName(key)), written.ToJsonString(indented) + "\n");
        }

        Assert.True(JsonNode.DeepEquals(written, JsonNode.Parse(PolicyPresets.DocumentText(key))), PolicyPresets.DocumentText(key));
    }

    [Fact]
    public void DocumentText_UnknownKey_NamesTheKeys()
    {
        var ex = Assert.Throws<ArgumentException>(() => PolicyPresets.DocumentText("nope@1"));
        Assert.Contains("cn-002-system-integration@1", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemIntegration002_R_SLA_4_ShipsOn7x24AndOn5x8()
    {
        var on7x24 = PolicyPresets.All.Single(p => p.Id == "cn-002-system-integration");
        var on5x8 = PolicyPresets.All.Single(p => p.Id == "cn-002-system-integration-5x8");

        Assert.All(on7x24.Targets, t => Assert.Equal("24x7-beijing@1", t.Calendar.Key));
        Assert.All(on5x8.Targets, t => Assert.Equal("cn-statutory-9-18@1", t.Calendar.Key));
    }
}
