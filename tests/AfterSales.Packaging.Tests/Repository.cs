using System.Text.RegularExpressions;

namespace AfterSales.Packaging.Tests;

/// <summary>The repository this test runs in, and the README quick start.</summary>
internal static partial class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The code of README.md's block fenced as <c>```csharp quickstart</c>.</summary>
    public static string QuickStart()
    {
        var readme = File.ReadAllText(Path.Combine(Root, "README.md")).ReplaceLineEndings("\n");
        var match = QuickStartBlock().Match(readme);
        Assert.True(match.Success, "README.md has no ```csharp quickstart block.");
        return match.Groups["code"].Value;
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

    [GeneratedRegex(@"```csharp quickstart\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex QuickStartBlock();
}
