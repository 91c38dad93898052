using System.IO.Compression;
using System.Xml.Linq;

namespace AfterSales.Packaging.Tests;

/// <summary>Each package carries what a consumer and nuget.org need: README, XML docs, license, repository, symbols.</summary>
[Collection(PackagesCollection.Name)]
public class PackageContentTests(PackageFixture packages)
{
    public static TheoryData<string> Ids() => [.. PackagedProjects.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_HasReadmeXmlDocsLicenseAndRepository(string id)
    {
        using var zip = ZipFile.OpenRead(packages.PackagePath(id));
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("README.md", names);
        Assert.Contains($"lib/net10.0/{id}.dll", names);
        Assert.Contains($"lib/net10.0/{id}.xml", names);

        using var nuspecStream = zip.Entries.Single(e => e.FullName == $"{id}.nuspec").Open();
        var nuspec = XDocument.Load(nuspecStream);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal(id, metadata.Element(ns + "id")?.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")?.Value);
        var license = metadata.Element(ns + "license");
        Assert.Equal("expression", license?.Attribute("type")?.Value);
        Assert.Equal("MIT", license?.Value);
        var repository = metadata.Element(ns + "repository");
        Assert.Equal("git", repository?.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository?.Attribute("url")?.Value, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(metadata.Element(ns + "description")?.Value));

        using var readme = new StreamReader(zip.Entries.Single(e => e.FullName == "README.md").Open());
        Assert.StartsWith("# " + id, readme.ReadToEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_HasASymbolPackageWithItsPdb(string id)
    {
        using var zip = ZipFile.OpenRead(packages.PackagePath(id, "snupkg"));
        Assert.Contains($"lib/net10.0/{id}.pdb", zip.Entries.Select(e => e.FullName));
    }
}
