using AfterSales.People;

namespace AfterSales.Tests.People;

/// <summary>Engineers (R-ORG-1): fields named on refusal, skills kept distinct, value equality.</summary>
public sealed class EngineerTests
{
    [Fact]
    public void Create_KeepsFields_DropsDuplicateSkills_ValueEquality_R_ORG_1()
    {
        var e = Engineer.Create("E-7", "李雷", "SH-01", "13800000000", ["cctv", "kiosk", "cctv"]);

        Assert.Equal(["cctv", "kiosk"], e.Skills);
        Assert.True(e.HasSkill("kiosk"));
        Assert.Equal(Engineer.Create("E-7", "李雷", "SH-01", "13800000000", ["cctv", "kiosk"]), e);
        Assert.NotEqual(e.With(centreId: "BJ-01"), e);
        Assert.Equal("BJ-01", e.With(centreId: "BJ-01").CentreId);
        Assert.Equal("E-7 李雷 (SH-01)", e.ToString());
    }

    [Theory]
    [InlineData("a/b", "n", "SH-01", "c", "id")]
    [InlineData("E-1", " ", "SH-01", "c", "name")]
    [InlineData("E-1", "n", "SH\u0000", "c", "centreId")]
    [InlineData("E-1", "n", "SH-01", "", "contact")]
    public void Create_BadField_ThrowsNamingIt(string id, string name, string centre, string contact, string field) =>
        Assert.Equal(field, Assert.ThrowsAny<ArgumentException>(() => Engineer.Create(id, name, centre, contact)).ParamName);

    [Fact]
    public void Create_BadOrTooManySkills_ThrowsNamingTheField()
    {
        Assert.Equal("skills[1]", Assert.ThrowsAny<ArgumentException>(() => Engineer.Create("E-1", "n", "SH-01", "c", ["ok", "x\u202Ey"])).ParamName);
        Assert.Equal("skills", Assert.ThrowsAny<ArgumentException>(() => Engineer.Create("E-1", "n", "SH-01", "c", Enumerable.Range(0, 51).Select(i => "s" + i))).ParamName);
        Assert.Equal("name", Assert.ThrowsAny<ArgumentException>(() => Engineer.Create("E-1", new string('x', 201), "SH-01", "c")).ParamName);
    }
}
