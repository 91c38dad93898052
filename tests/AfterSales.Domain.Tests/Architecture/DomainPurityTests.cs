using System.Reflection;
using System.Xml.Linq;
using AfterSales.Sla;

namespace AfterSales.Tests.Architecture;

/// <summary>Domain stays pure: NodaTime, DI abstractions and Stateless only, and no ambient clock.</summary>
public class DomainPurityTests
{
    private static readonly Assembly Domain = typeof(SlaPolicy).Assembly;

    [Fact]
    public void Domain_ReferencesOnlyTheBclNodaTimeDiAbstractionsAndStateless()
    {
        var allowed = new[] { "System.", "NodaTime", "Microsoft.Extensions.DependencyInjection.Abstractions", "Stateless", "netstandard" };

        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.Contains(allowed, prefix => name.StartsWith(prefix, StringComparison.Ordinal) || name == "System"));
        Assert.Contains("NodaTime", references);
        Assert.Contains("Stateless", references);
    }

    [Fact]
    public void Domain_BansTheAmbientClockThroughTheBannedApiAnalyzer()
    {
        var project = Path.Combine(RepositoryRoot(), "src", "AfterSales.Domain");
        var csproj = XDocument.Load(Path.Combine(project, "AfterSales.Domain.csproj"));
        var banned = File.ReadAllLines(Path.Combine(project, "BannedSymbols.txt")).Select(l => l.Split(';')[0]).ToHashSet();

        Assert.Contains(csproj.Descendants("PackageReference"), e => (string?)e.Attribute("Include") == "Microsoft.CodeAnalysis.BannedApiAnalyzers");
        Assert.Contains(csproj.Descendants("AdditionalFiles"), e => (string?)e.Attribute("Include") == "BannedSymbols.txt");
        Assert.Superset(new HashSet<string>
        {
            "P:System.DateTime.Now", "P:System.DateTime.UtcNow", "P:System.DateTimeOffset.Now", "P:System.DateTimeOffset.UtcNow",
            "P:NodaTime.SystemClock.Instance",
        }, banned);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AfterSales.Kit.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("AfterSales.Kit.sln not found above " + AppContext.BaseDirectory);
    }
}
