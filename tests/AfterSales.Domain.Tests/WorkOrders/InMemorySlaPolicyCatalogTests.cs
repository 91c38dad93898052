using AfterSales.Severity;
using AfterSales.Sla;
using AfterSales.WorkOrders;

namespace AfterSales.Tests.WorkOrders;

public sealed class InMemorySlaPolicyCatalogTests
{
    private static SlaPolicy Version(int version) =>
        SlaPolicy.CreateBuilder("p", version, "policy", SeverityScales.SingleLevel).WithCalendar(SlaPresets.TwentyFourSevenBeijing)
            .AddTarget(SlaMetric.OnSiteArrival, SlaAmount.Hours(version), static t => t.ForAllSeverities()).Build();

    [Fact]
    public void GetAndLatest_SeveralVersions_FindEachAndTheHighest()
    {
        var v1 = Version(1);
        var v2 = Version(2);
        var catalog = new InMemorySlaPolicyCatalog([v2, v1]);

        Assert.Same(v1, catalog.Get("p", 1));
        Assert.Same(v2, catalog.Latest("p"));
        Assert.Same(v2, catalog.GetByKey("p@2"));
        Assert.Null(catalog.Find("p", 3));
        Assert.Throws<SlaPolicyNotFoundException>(() => catalog.Get("p", 3));
        Assert.Throws<SlaPolicyNotFoundException>(() => catalog.GetLatest("q"));
    }

    [Fact]
    public void Add_ADifferentPolicyWithTheSameKey_IsRejected()
    {
        var catalog = new InMemorySlaPolicyCatalog([Version(1)]);

        var ex = Assert.Throws<ArgumentException>(() => catalog.Add(Version(1)));
        Assert.Equal("policy", ex.ParamName);
    }

    [Fact]
    public void GetByKey_Malformed_ThrowsNamingTheKey()
    {
        var ex = Assert.Throws<ArgumentException>(() => new InMemorySlaPolicyCatalog().GetByKey("p-without-version"));
        Assert.Equal("key", ex.ParamName);
    }
}
