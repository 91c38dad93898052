using AfterSales.Calendars;

namespace AfterSales.Tests.Calendars;

public class WorkingHoursTests
{
    [Fact]
    public void ToEndOfDay_EndsAt24()
    {
        var hours = WorkingHours.ToEndOfDay(new LocalTime(22, 0));
        Assert.True(hours.EndsAtEndOfDay);
        Assert.Equal(LocalTime.Midnight, hours.End);
        Assert.Equal(Duration.FromHours(2), hours.Length);
        Assert.Equal("22:00–24:00", hours.ToString());
    }

    [Fact]
    public void Between_ReversedRange_ThrowsNamingEnd()
    {
        var exception = Assert.Throws<ArgumentException>(() => WorkingHours.Between(new LocalTime(18, 0), new LocalTime(9, 0)));
        Assert.Equal("end", exception.ParamName);
        Assert.Contains("later than start", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Between_EmptyRange_ThrowsNamingEnd()
        => Assert.Equal("end", Assert.Throws<ArgumentException>(() => WorkingHours.Between(new LocalTime(9, 0), new LocalTime(9, 0))).ParamName);

    [Fact]
    public void FromMinutesOfDay_Bounds_AreChecked()
    {
        Assert.Equal("startMinute", Assert.Throws<ArgumentOutOfRangeException>(() => WorkingHours.FromMinutesOfDay(-1, 10)).ParamName);
        Assert.Equal("endMinute", Assert.Throws<ArgumentOutOfRangeException>(() => WorkingHours.FromMinutesOfDay(10, 1441)).ParamName);
        Assert.Equal("endMinute", Assert.Throws<ArgumentOutOfRangeException>(() => WorkingHours.FromMinutesOfDay(10, 10)).ParamName);
        Assert.Equal(WorkingHours.AllDay, WorkingHours.FromMinutesOfDay(0, 1440));
    }

    [Fact]
    public void Equality_IsByStartAndEnd()
    {
        Assert.Equal(WorkingHours.Between(new LocalTime(9, 0), new LocalTime(18, 0)), WorkingHours.FromMinutesOfDay(540, 1080));
        Assert.True(WorkingHours.ToEndOfDay(LocalTime.Midnight) == WorkingHours.AllDay);
        Assert.True(WorkingHours.AllDay != WorkingHours.FromMinutesOfDay(0, 1439));
    }
}
