namespace AfterSales.Packaging.Tests;

/// <summary>Packs once for every test that needs the packages.</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "packed packages";
}
