using System.Net;
using AfterSales.Http.Tests.Support;

namespace AfterSales.Http.Tests.OpenApi;

/// <summary>
/// The document passes Redocly CLI's recommended rules with no error (issue 16 §4). The version is
/// pinned; warnings are allowed (the bearer scheme is described before any operation requires it).
/// </summary>
public sealed class OpenApiLintTests
{
    public const string Redocly = "@redocly/cli@2.77.0";

    [ToolFact("npx")]
    public async Task Document_PassesRedoclyLint_WithNoErrors()
    {
        using var factory = new ServiceFactory();
        var text = await (await factory.CreateClient().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();
        var directory = Directory.CreateTempSubdirectory("aftersales-lint-");
        try
        {
            var file = Path.Combine(directory.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, text);
            var (exit, output) = await Tools.RunAsync("npx", ["--yes", Redocly, "lint", file, "--format=summary"], directory.FullName);
            Assert.True(exit == 0, output);
            Assert.DoesNotMatch(@"(?m)^error\s", output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
