using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text;
using System.Text.Json;

namespace AfterSales.Packaging.Tests;

/// <summary>
/// The SDK's built-in Source Link works: a package packed from a clone whose remote is on GitHub has,
/// in its symbol package's PDB, a map from the clone to raw.githubusercontent.com at the clone's commit,
/// and every source file the PDB names is at that commit (generated files are embedded instead). The
/// test gives its own temporary clone the remote, because a CI clone may have none; nothing goes over
/// the network but the usual package restore.
/// </summary>
public sealed class SourceLinkTests : IDisposable
{
    private const string Owner = "aftersales-kit";
    private const string Name = "aftersales-kit";
    private const string PackageId = "AfterSales.Domain";

    // The custom debug information kinds of the Portable PDB format.
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");
    private static readonly Guid EmbeddedSourceKind = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");

    private readonly string root = Directory.CreateTempSubdirectory("aftersales-sourcelink-").FullName;

    [Fact]
    public void PackedPdb_MapsTheCloneToGitHubRawContent_AtTheClonesCommit()
    {
        var clone = Path.Combine(root, "clone");
        Git.Run(root, "clone", "--quiet", Repository.Root, clone);
        Git.Run(clone, "remote", "set-url", "origin", $"https://github.com/{Owner}/{Name}.git");
        var commit = Git.Run(clone, "rev-parse", "HEAD").Trim();
        var output = Path.Combine(root, "packages");
        // One package is enough. ContinuousIntegrationBuild=false whatever CI sets, so the PDB keeps the
        // clone's own paths (a CI build maps them to /_/ instead, the same way).
        DotNet.Run(clone, PackageFixture.StepTimeout,
            "pack", Path.Combine("src", PackageId, PackageId + ".csproj"), "-c", "Release", "-o", output,
            "-p:Version=" + PackagedProjects.Version, "-p:ContinuousIntegrationBuild=false");

        using var pdb = ReadPdb(Path.Combine(output, $"{PackageId}.{PackagedProjects.Version}.snupkg"), $"lib/net10.0/{PackageId}.pdb");
        var reader = pdb.GetMetadataReader();

        var map = SourceLinkMap(reader);
        var local = Path.Combine(clone, "*");
        Assert.Equal(local, Assert.Single(map.Keys));
        Assert.Equal($"https://raw.githubusercontent.com/{Owner}/{Name}/{commit}/*", map[local]);

        var tracked = Git.Run(clone, "ls-tree", "-r", "--name-only", commit).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var prefix = local[..^1];
        var linked = new List<string>();
        foreach (var handle in reader.Documents)
        {
            var path = reader.GetString(reader.GetDocument(handle).Name);
            if (IsEmbedded(reader, handle))
            {
                continue;
            }

            Assert.StartsWith(prefix, path, StringComparison.Ordinal);
            var relative = path[prefix.Length..].Replace('\\', '/');
            Assert.True(tracked.Contains(relative), $"{relative} is linked but not in commit {commit}.");
            linked.Add(relative);
        }

        Assert.Contains($"src/{PackageId}/Calendars/BusinessCalendar.cs", linked);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file for a moment; the OS cleans temp folders.
        }
        catch (UnauthorizedAccessException)
        {
            // Git marks its pack files read-only on some systems; the OS cleans temp folders.
        }
    }

    private static MetadataReaderProvider ReadPdb(string symbolPackage, string entry)
    {
        using var zip = ZipFile.OpenRead(symbolPackage);
        var pdb = zip.GetEntry(entry) ?? throw new InvalidOperationException($"{symbolPackage} has no {entry}.");
        var bytes = new MemoryStream();
        using (var stream = pdb.Open())
        {
            stream.CopyTo(bytes);
        }

        bytes.Position = 0;
        return MetadataReaderProvider.FromPortablePdbStream(bytes);
    }

    /// <summary>The Source Link JSON's <c>documents</c> map, from the PDB's module-level custom debug information.</summary>
    private static Dictionary<string, string> SourceLinkMap(MetadataReader reader)
    {
        var blobs = reader.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == SourceLinkKind)
            .Select(info => reader.GetBlobBytes(info.Value))
            .ToList();
        var json = Assert.Single(blobs);
        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(json));
        return document.RootElement.GetProperty("documents").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }

    private static bool IsEmbedded(MetadataReader reader, DocumentHandle document) =>
        reader.GetCustomDebugInformation(document).Any(h => reader.GetGuid(reader.GetCustomDebugInformation(h).Kind) == EmbeddedSourceKind);
}
