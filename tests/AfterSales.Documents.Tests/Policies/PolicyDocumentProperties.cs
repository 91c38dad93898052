using AfterSales.Calendars;
using AfterSales.Documents.Policies;
using AfterSales.Sla;
using AfterSales.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AfterSales.Documents.Tests.Policies;

/// <summary>Any policy the builder makes survives a trip through its JSON document: the same fingerprint.</summary>
public class PolicyDocumentProperties
{
    [Property(Arbitrary = new[] { typeof(PolicyDocumentProperties) }, MaxTest = 300)]
    public bool Write_ThenRead_RandomPolicies_RoundTrip(SlaPolicy policy)
    {
        var read = PolicyDocuments.ReadPolicy(PolicyDocuments.Write(policy), PolicyPresets.PresetCalendar);
        return read.Success && PolicyFingerprint.Of(read.Value) == PolicyFingerprint.Of(policy);
    }

    /// <summary>The policies the property draws: AfterSales.Testing's generator on a preset calendar.</summary>
    public static Arbitrary<SlaPolicy> Random() =>
        Gen.Elements(CalendarPresets.All.ToArray())
            .SelectMany(static c => AfterSalesGen.Policies(c.Calendar))
            .ToArbitrary();
}
