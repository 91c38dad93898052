namespace AfterSales.Packaging.Tests;

/// <summary>
/// The packages the repository ships, as data: adding a package is one line here (and a
/// <c>ProjectReference</c> with <c>ReferenceOutputAssembly="false"</c> in this test project, so it is restored).
/// </summary>
public static class PackagedProjects
{
    public static readonly (string Id, string Project)[] All =
    [
        ("AfterSales.Domain", "src/AfterSales.Domain/AfterSales.Domain.csproj"),
        ("AfterSales.Testing", "src/AfterSales.Testing/AfterSales.Testing.csproj"),
        ("AfterSales.Adapters.EfCore", "src/AfterSales.Adapters.EfCore/AfterSales.Adapters.EfCore.csproj"),
        ("AfterSales.Adapters.Http", "src/AfterSales.Adapters.Http/AfterSales.Adapters.Http.csproj"),
        ("AfterSales.Documents", "src/AfterSales.Documents/AfterSales.Documents.csproj"),
    ];

    /// <summary>The version the test packs with, so a cached real release can never be picked up instead.</summary>
    public const string Version = "0.1.0-packagingtest";
}
