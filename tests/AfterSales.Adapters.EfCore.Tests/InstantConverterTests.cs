using AfterSales.EntityFrameworkCore.Storage;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.EntityFrameworkCore.Tests;

public sealed class InstantConverterTests
{
    [Fact]
    public void InstantToUnixNanoseconds_AnyRepresentableInstant_RoundTripsExactlyAndKeepsOrder()
    {
        var converter = new InstantToUnixNanosecondsConverter();
        var toProvider = converter.ConvertToProviderExpression.Compile();
        var fromProvider = converter.ConvertFromProviderExpression.Compile();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(10_000), Prop.ForAll<long, long>((a, b) =>
        {
            var x = InstantToUnixNanosecondsConverter.FromUnixNanoseconds(a);
            var y = InstantToUnixNanosecondsConverter.FromUnixNanoseconds(b);
            Assert.Equal(a, toProvider(x));
            Assert.Equal(x, fromProvider(a));
            Assert.Equal(a.CompareTo(b), x.CompareTo(y));
        }));

        foreach (var edge in new[] { long.MinValue, -1L, 0L, 1L, long.MaxValue })
        {
            Assert.Equal(edge, toProvider(fromProvider(edge)));
        }
    }

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
