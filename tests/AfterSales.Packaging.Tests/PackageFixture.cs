using System.Diagnostics;

namespace AfterSales.Packaging.Tests;

/// <summary>
/// Packs every project of <see cref="PackagedProjects.All"/> once, in Release, into a temporary
/// folder that is deleted afterwards. The packing itself is the first check: package validation runs
/// as part of it.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(3);

    public PackageFixture()
    {
        Root = Directory.CreateTempSubdirectory("aftersales-packaging-").FullName;
        Packages = Directory.CreateDirectory(Path.Combine(Root, "packages")).FullName;
        var watch = Stopwatch.StartNew();
        foreach (var (_, project) in PackagedProjects.All)
        {
            // --no-restore: the solution's restore (or this project's, through its project references)
            // already restored them; restoring again could rewrite obj/ under a concurrently running build.
            DotNet.Run(Repository.Root, StepTimeout,
                "pack", Path.Combine(Repository.Root, project), "-c", "Release", "-o", Packages,
                "--no-restore", "-p:Version=" + PackagedProjects.Version);
        }

        PackTime = watch.Elapsed;
    }

    /// <summary>The temporary folder; the consumer project and its package cache live under it too.</summary>
    public string Root { get; }

    /// <summary>Where the .nupkg and .snupkg files are.</summary>
    public string Packages { get; }

    public TimeSpan PackTime { get; }

    public string PackagePath(string id, string extension = "nupkg") =>
        Path.Combine(Packages, $"{id}.{PackagedProjects.Version}.{extension}");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the OS cleans temp folders.
        }
    }
}
