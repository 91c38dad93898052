using AfterSales.EntityFrameworkCore.Storage;
using FsCheck.Xunit;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Tests;

public sealed class InstantConverterTests
{
    private static readonly InstantToUnixNanosecondsConverter Converter = new();
    private static readonly Func<Instant, long> ToProvider = Converter.ConvertToProviderExpression.Compile();
    private static readonly Func<long, Instant> FromProvider = Converter.ConvertFromProviderExpression.Compile();

    [Property(MaxTest = 10_000)]
    public void InstantToUnixNanoseconds_AnyRepresentableInstant_RoundTripsExactlyAndKeepsOrder(long a, long b)
    {
        var x = InstantToUnixNanosecondsConverter.FromUnixNanoseconds(a);
        var y = InstantToUnixNanosecondsConverter.FromUnixNanoseconds(b);
        Assert.Equal(a, ToProvider(x));
        Assert.Equal(x, FromProvider(a));
        Assert.Equal(a.CompareTo(b), x.CompareTo(y));
    }

    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(-1L)]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(long.MaxValue)]
    public void InstantToUnixNanoseconds_EdgeValues_RoundTripExactly(long edge) =>
        Assert.Equal(edge, ToProvider(FromProvider(edge)));

    [Fact]
    public void InstantToUnixNanoseconds_OutsideYears1678To2262_ThrowsInsteadOfStoringWrong()
    {
        Assert.ThrowsAny<OverflowException>(() => InstantToUnixNanosecondsConverter.ToUnixNanoseconds(Instant.FromUtc(2263, 1, 1, 0, 0)));
        Assert.ThrowsAny<OverflowException>(() => InstantToUnixNanosecondsConverter.ToUnixNanoseconds(Instant.FromUtc(1677, 1, 1, 0, 0)));
    }

    [Theory]
    [InlineData("bad-prefix", null, "TablePrefix")]
    [InlineData("ok_", "bad schema", "Schema")]
    [InlineData("1x", null, "TablePrefix")]
    public void ApplyAfterSalesConfiguration_InvalidNames_ThrowNamingTheOption(string prefix, string? schema, string option)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new ModelBuilder().ApplyAfterSalesConfiguration(o =>
        {
            o.TablePrefix = prefix;
            o.Schema = schema;
        }));
        Assert.StartsWith(option + " must", ex.Message, StringComparison.Ordinal);
    }
}
