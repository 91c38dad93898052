using AfterSales.Calendars;
using static AfterSales.Tests.Calendars.CalendarTestKit;

namespace AfterSales.Tests.Calendars;

public class BusinessCalendarConcurrencyTests
{
    [Fact]
    public void Add_ManyThreadsCompilingTheSameYears_AgreeWithASingleThread()
    {
        var starts = Enumerable.Range(0, 400).Select(i => Beijing(2019, 1, 2, 0) + Duration.FromHours(i * 167)).ToArray();
        var expected = starts.Select(s => ChinaCalendars.Statutory(Nine, Eighteen).Add(s, Duration.FromHours(100))).ToArray();

        for (var round = 0; round < 5; round++)
        {
            var shared = ChinaCalendars.Statutory(Nine, Eighteen);
            var actual = new Instant[starts.Length];
            Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => actual[i] = shared.Add(starts[i], Duration.FromHours(100)));
            Assert.Equal(expected, actual);
        }
    }
}
