using System.Globalization;
using System.Text;
using AfterSales.Entitlements.Spares;
using AfterSales.Entitlements.Warranty;
using AfterSales.Quality.Complaints;
using AfterSales.WorkOrders;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Tests;

/// <summary>
/// Input that can never be repaired is never accepted (issue 14 §5): ids and serial numbers are
/// printable, without path separators, control or bidi characters, and bounded; dates are in range.
/// </summary>
public sealed class IdentifierTests
{
    /// <summary>Values a stored item could never be addressed by again, with the word the reason must contain.</summary>
    public static TheoryData<string, string> Unrepairable => new()
    {
        { "a/b", "'/'" },
        { "a\\b", "'\\'" },
        { "a\0b", "control" },
        { "a\u0007b", "control" },
        { "WO-\n1", "control" },
        { "\u202E1-OW", "bidirectional" },
        { "WO\u2066-1\u2069", "bidirectional" },
        { "WO\u200B1", "invisible" },
        { "WO\u2028-1", "printable" },
        { "WO-\uE000", "printable" },
        { "WO-\uD800", "surrogate" },
        { "", "empty" },
        { " WO-1", "white space" },
        { "WO-1 ", "white space" },
        { "..", "'.'" },
        { new string('x', 101), "at most 100" },
    };

    [Theory]
    [MemberData(nameof(Unrepairable), DisableDiscoveryEnumeration = true)]
    public void Check_UnrepairableValue_ThrowsNamingTheFieldAndTheReason(string value, string reason)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => Identifier.Check(value, "serialNumber"));
        Assert.Equal("serialNumber", ex.ParamName);
        Assert.StartsWith("serialNumber ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.False(Identifier.IsValid(value));
    }

    [Theory]
    [InlineData("WO-2026-000123")]
    [InlineData("工单 17")]
    [InlineData("SN:ABC_01.7#x")]
    [InlineData("a%00b")]
    [InlineData("😀-1")]
    public void Check_PrintableValue_IsAccepted(string value) => Assert.Equal(value, Identifier.Check(value));

    [Fact]
    public void Check_HundredCharacters_IsTheBound()
    {
        Assert.True(Identifier.IsValid(new string('x', Identifier.MaxLength)));
        Assert.False(Identifier.IsValid(new string('x', Identifier.MaxLength + 1)));
    }

    [Theory]
    [MemberData(nameof(Unrepairable), DisableDiscoveryEnumeration = true)]
    public void DomainFactories_RejectUnrepairableIds_AndCreateNothing(string value, string reason)
    {
        _ = reason;
        Assert.ThrowsAny<ArgumentException>(() => TicketId.From(value));
        Assert.ThrowsAny<ArgumentException>(() => DeviceRecord.Create(value, ComponentClass.Hardware, acceptedOn: new LocalDate(2025, 1, 1)));
        Assert.ThrowsAny<ArgumentException>(() => StockLedger.Open(value, "P-1"));
        Assert.ThrowsAny<ArgumentException>(() => StockLedger.Open("BJ", value));
        Assert.ThrowsAny<ArgumentException>(() => Complaint.File(value, "WO-1", "E-1", Instant.FromUtc(2026, 3, 2, 1, 0), "late"));
        var report = Support.Tickets.Report() with { DeviceSerialNumber = value };
        var ex = Assert.ThrowsAny<ArgumentException>(() => Ticket.Report(report, Support.Tickets.Policy, new NodaTime.Testing.FakeClock(Instant.FromUtc(2026, 3, 2, 1, 0))));
        Assert.Equal("report.DeviceSerialNumber", ex.ParamName);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1899, 12, 31)]
    [InlineData(2200, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void SupportedDates_DayOutsideTheRange_IsRejectedNamingTheField(int year, int month, int day)
    {
        var date = new LocalDate(year, month, day);
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DeviceRecord.Create("SN-1", ComponentClass.Hardware, acceptedOn: date));
        Assert.Equal("acceptedOn", ex.ParamName);
        Assert.Contains("1900-01-01 to 2199-12-31", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SupportedDates_TheBoundsThemselves_AreAccepted()
    {
        Assert.Equal(SupportedDates.MinDate, SupportedDates.Check(new LocalDate(1900, 1, 1)));
        Assert.Equal(SupportedDates.MaxDate, SupportedDates.Check(new LocalDate(2199, 12, 31)));
        Assert.Equal(SupportedDates.MaxInstant, SupportedDates.Check(Instant.FromUtc(2200, 1, 1, 0, 0) - Duration.Epsilon));
        Assert.Throws<ArgumentOutOfRangeException>(() => SupportedDates.Check(Instant.FromUtc(2200, 1, 1, 0, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => SupportedDates.Check(Instant.FromUtc(1899, 12, 31, 23, 59)));
    }

    /// <summary>Strings drawn mostly from the characters that matter: letters, CJK, separators, controls, bidi, surrogates.</summary>
    public static class Arbitraries
    {
        private static readonly char[] Interesting =
        [
            'a', 'Z', '7', '-', '_', '.', ' ', '工', '单', '/', '\\', '%', '\0', '\t', '\n', '\u007F', '\u0085', '\u200B', '\u200E', '\u202A',
            '\u202E', '\u2066', '\u2069', '\u061C', '\uFEFF', '\u2028', '\u2029', '\uE000', '\uD83D', '\uDE00', '\uD800', '\uDFFF', '\u0378',
        ];

        public static Arbitrary<string> Candidates() =>
            Gen.OneOf(
                    Gen.Choose(0, 12).SelectMany(static n => Gen.ArrayOf(Gen.Elements(Interesting), n)).Select(static c => new string(c)),
                    Gen.Choose(95, 105).Select(static n => new string('x', n)),
                    ArbMap.Default.GeneratorFor<string>().Where(static s => s is not null))
                .ToArbitrary();
    }

    /// <summary>The rule against a slow, obviously correct reference that walks the string rune by rune (seed-free: FsCheck picks).</summary>
    [Property(Arbitrary = new[] { typeof(Arbitraries) }, MaxTest = 10_000)]
    public void IsValid_AgreesWithARuneByRuneReference(string candidate) =>
        Assert.Equal(Reference(candidate), Identifier.IsValid(candidate));

    private static bool Reference(string s)
    {
        if (s.Length is 0 or > 100 || s is "." or ".." || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))
        {
            return false;
        }

        var index = 0;
        while (index < s.Length)
        {
            if (Rune.DecodeFromUtf16(s.AsSpan(index), out var rune, out var used) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            if (rune.Value is '/' or '\\')
            {
                return false;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                return false;
            }

            index += used;
        }

        return true;
    }
}
