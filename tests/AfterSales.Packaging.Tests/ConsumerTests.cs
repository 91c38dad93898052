using System.Diagnostics;
using Xunit.Abstractions;

namespace AfterSales.Packaging.Tests;

/// <summary>
/// A fresh project outside the repository references the packages as packages (from the packed
/// folder plus the machine's usual sources, with its own package cache so nothing stale can stand
/// in), and runs README's quick start, taken from README.md itself.
/// </summary>
[Collection(PackagesCollection.Name)]
public class ConsumerTests(PackageFixture packages, ITestOutputHelper output)
{
    [Fact]
    public void ReadmeQuickStart_BuildsAndRuns_AgainstThePackedPackages()
    {
        var consumer = Directory.CreateDirectory(Path.Combine(packages.Root, "consumer")).FullName;
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Path.Combine(packages.Root, "package-cache")}" />
              </config>
              <packageSources>
                <add key="aftersales-under-test" value="{packages.Packages}" />
              </packageSources>
            </configuration>
            """);
        var references = string.Join("\n", PackagedProjects.All.Select(p =>
            $"""    <PackageReference Include="{p.Id}" Version="{PackagedProjects.Version}" />"""));
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), Repository.QuickStart());
        // Compiled, not run: the testing package's API resolves from its package, FsCheck's and NodaTime.Testing's.
        File.WriteAllText(Path.Combine(consumer, "TestingPackage.cs"), """
            using AfterSales.Sla;
            using AfterSales.Testing;
            using FsCheck.Fluent;

            internal static class TestingPackage
            {
                public static int Sample() =>
                    AfterSalesGen.Timelines(SlaPresets.Cctv004).Sample(3).Count()
                    + (new NodaTime.Testing.FakeClock(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0)).GetCurrentInstant() == default ? 0 : 1);
            }
            """);

        var watch = Stopwatch.StartNew();
        DotNet.Run(consumer, PackageFixture.StepTimeout, "build", "-c", "Release");
        var built = watch.Elapsed;
        var run = DotNet.Run(consumer, PackageFixture.StepTimeout, "run", "-c", "Release", "--no-build");
        output.WriteLine($"pack {packages.PackTime}, consumer build {built}, run {watch.Elapsed - built}");
        output.WriteLine(run);

        Assert.Contains("first response: Met", run, StringComparison.Ordinal);
        Assert.Contains("on-site arrival: Running", run, StringComparison.Ordinal);
        Assert.Contains("自报障 2026-03-02 10:00 起计", run, StringComparison.Ordinal); // the China presets explain in Chinese by default
        var assets = File.ReadAllText(Path.Combine(consumer, "obj", "project.assets.json"));
        Assert.Contains($"\"AfterSales.Domain/{PackagedProjects.Version}\"", assets, StringComparison.Ordinal);
        Assert.Contains("\"type\": \"package\"", assets, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\": \"project\"", assets, StringComparison.Ordinal);
    }
}
