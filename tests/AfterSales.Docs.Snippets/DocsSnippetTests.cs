using System.Text.RegularExpressions;

namespace AfterSales.Docs.Snippets;

/// <summary>
/// Every <c>```csharp</c> block of README.md and docs/*.md appears, line for line (indentation and
/// blank lines aside), in a source file of this project, which compiles — so the docs cannot drift
/// from code that builds. A block fenced <c>```csharp no-compile</c> is exempt; keep those rare.
/// </summary>
public partial class DocsSnippetTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string, int> Blocks()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in DocFiles())
        {
            var count = CSharpBlocks(file).Count;
            for (var i = 0; i < count; i++)
            {
                data.Add(Path.GetRelativePath(Root, file), i);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void DocBlock_AppearsVerbatimInTheCompiledSnippets(string file, int index)
    {
        var block = Lines(CSharpBlocks(Path.Combine(Root, file))[index]);
        var sources = Directory.GetFiles(Path.Combine(Root, "tests", "AfterSales.Docs.Snippets"), "*.cs")
            .Select(f => Lines(File.ReadAllText(f)));
        Assert.True(
            sources.Any(source => ContainsRun(source, block)),
            $"{file}, C# block {index + 1}, is not in tests/AfterSales.Docs.Snippets verbatim:\n{string.Join('\n', block)}");
    }

    [Fact]
    public void Docs_HaveCSharpBlocks_AndTheQuickStartIsOne() =>
        Assert.Contains(CSharpBlocks(Path.Combine(Root, "README.md")), b => b.Contains("SlaEvaluator.Evaluate", StringComparison.Ordinal));

    private static IEnumerable<string> DocFiles() =>
        Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Prepend(Path.Combine(Root, "README.md")).Order(StringComparer.Ordinal);

    private static List<string> CSharpBlocks(string file) =>
        [.. Fence().Matches(File.ReadAllText(file).ReplaceLineEndings("\n"))
            .Where(m => !m.Groups["info"].Value.Contains("no-compile", StringComparison.Ordinal))
            .Select(m => m.Groups["code"].Value)];

    private static string[] Lines(string text) =>
        [.. text.ReplaceLineEndings("\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];

    private static bool ContainsRun(string[] source, string[] block)
    {
        for (var start = 0; start + block.Length <= source.Length; start++)
        {
            if (source.AsSpan(start, block.Length).SequenceEqual(block))
            {
                return true;
            }
        }

        return false;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.Kit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AfterSales.Kit.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```(?<info>csharp[^\n]*)\n(?<code>.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex Fence();
}
