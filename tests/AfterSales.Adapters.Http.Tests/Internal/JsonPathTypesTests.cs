using System.Text.Json;
using System.Text.Json.Serialization;
using AfterSales.Http.Internal;
using AfterSales.Http.Json;

namespace AfterSales.Http.Tests.Internal;

public class JsonPathTypesTests
{
    private static readonly JsonSerializerOptions Options = Create(caseInsensitive: false);

    public sealed record Outer(Inner? Child, IReadOnlyList<Inner> Items, Dictionary<string, LocalDate> Days, [property: JsonPropertyName("a.b")] Instant? Dotted, int Count);

    public sealed record Inner(LocalTime Opens, IReadOnlyList<Duration?> Amounts);

    [Theory]
    [InlineData("$.count", typeof(int))]
    [InlineData("$.COUNT", typeof(int))]
    [InlineData("$.child.opens", typeof(LocalTime))]
    [InlineData("$.items[3].opens", typeof(LocalTime))]
    [InlineData("$.items[0].amounts[12]", typeof(Duration?))]
    [InlineData("$.days.monday", typeof(LocalDate))]
    [InlineData("$['a.b']", typeof(Instant?))]
    [InlineData("$.child", typeof(Inner))]
    [InlineData("$", typeof(Outer))]
    public void Resolve_FollowsPropertiesIndexesAndQuotedNames(string path, Type expected) =>
        Assert.Equal(expected, JsonPathTypes.Resolve(Create(caseInsensitive: true), typeof(Outer), path));

    [Theory]
    [InlineData("$.nope")]
    [InlineData("$.count.more")]
    [InlineData("$.count[0]")]
    [InlineData("$['a.b")]
    [InlineData("$.items[0")]
    [InlineData("items")]
    [InlineData("")]
    [InlineData(null)]
    public void Resolve_PathsItCannotFollow_AreNull(string? path) =>
        Assert.Null(JsonPathTypes.Resolve(Options, typeof(Outer), path));

    private static JsonSerializerOptions Create(bool caseInsensitive)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNameCaseInsensitive = caseInsensitive }.AddNodaTimeConverters();
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
