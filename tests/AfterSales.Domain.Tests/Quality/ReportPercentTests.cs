using System.Globalization;
using AfterSales.Quality.Reporting;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Tests.Quality;

/// <summary>How the report prints a ratio: never 100 % when short of it, never 0 % when above it (R-RP-4).</summary>
public sealed class ReportPercentTests
{
    [Theory]
    [InlineData("1", "100.00 %")]
    [InlineData("0", "0.00 %")]
    [InlineData("0.98765", "98.77 %")]
    [InlineData("0.999999871399176954732510288", "> 99.99 %")] // one second down in a 90-day quarter
    [InlineData("0.00000001", "< 0.01 %")]
    public void R_RP_4_Availability_OneSecondOfDowntimeIsNotFullAvailability(string ratio, string printed) =>
        Assert.Equal(printed, ReportText.Percent2(decimal.Parse(ratio, CultureInfo.InvariantCulture)));

    [Fact]
    public void Percent_OneDecimal_SameRule() =>
        Assert.Equal(("> 99.9 %", "< 0.1 %", "50.0 %"), (ReportText.Percent(0.9996m), ReportText.Percent(0.0004m), ReportText.Percent(0.5m)));

    /// <summary>Against a reference that counts hundredths of a percent: the printed figure is the rounded one,
    /// except that only 0 and 1 themselves print as the bounds.</summary>
    [Property(MaxTest = 2000)]
    public Property Percent2_RoundsExceptAtTheBounds() =>
        Prop.ForAll(
            Gen.Choose(0, 1_000_000).Select(static n => n / 1_000_000m).ToArbitrary(),
            static ratio =>
            {
                var printed = ReportText.Percent2(ratio);
                if (ratio is 0m or 1m)
                {
                    return printed == (ratio == 1m ? "100.00 %" : "0.00 %");
                }

                var hundredths = (int)Math.Round(ratio * 10_000m, MidpointRounding.AwayFromZero);
                var expected = hundredths switch
                {
                    10_000 => "> 99.99 %",
                    0 => "< 0.01 %",
                    _ => $"{hundredths / 100}.{hundredths % 100:00} %",
                };
                return printed == expected;
            });
}
