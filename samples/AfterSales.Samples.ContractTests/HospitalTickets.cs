using AfterSales.Sla.Timeline;
using AfterSales.Testing;
using FsCheck;

namespace AfterSales.Samples.ContractTests;

/// <summary>
/// The hospital's ticket timelines as an FsCheck arbitrary. A property that names this class,
/// <c>[Property(Arbitrary = new[] { typeof(HospitalTickets) })]</c>, gets its <see cref="TicketTimeline"/>
/// parameters from here: valid timelines on the contract's severity scale, shrinking to shorter prefixes.
/// </summary>
public static class HospitalTickets
{
    public static Arbitrary<TicketTimeline> Timelines() => AfterSalesArb.Timelines(HospitalContract.Policy);
}
