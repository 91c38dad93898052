using AfterSales.Sla;
using AfterSales.Testing;
using FsCheck.Xunit;

namespace AfterSales.Tests.Sla;

/// <summary>
/// A report and a stored summary evaluate the clocks without formatting their explanations: every
/// figure must be the one the explained evaluation gives, only the lines are left out.
/// </summary>
public class UnexplainedEvaluationProperties
{
    [Property(Arbitrary = new[] { typeof(AfterSalesArb) }, MaxTest = 300)]
    public void Unexplained_IsTheExplainedEvaluationWithoutItsLines(SlaScenario s)
    {
        var explained = SlaEvaluator.Evaluate(s.Policy, s.Timeline, s.Now);
        var unexplained = SlaEvaluator.EvaluateUnexplained([SlaTerms.Of(s.Policy)], s.Timeline, s.Now);

        Assert.Equal(explained.Count, unexplained.Count);
        Assert.All(explained, c => Assert.NotEmpty(c.Explanation));
        for (var i = 0; i < explained.Count; i++)
        {
            var (e, u) = (explained[i], unexplained[i]);
            Assert.Empty(u.Explanation);
            Assert.Same(e.Target, u.Target);
            Assert.Equal(
                (e.Metric, e.Cycle, e.Occurrence, e.SeverityCode, e.Status, e.StartedAt, e.DueAt, e.StoppedAt, e.Allowed, e.Elapsed, e.PausedBusinessTime, e.IsProvisional, e.AgreedDueAt, e.PolicyDueAt),
                (u.Metric, u.Cycle, u.Occurrence, u.SeverityCode, u.Status, u.StartedAt, u.DueAt, u.StoppedAt, u.Allowed, u.Elapsed, u.PausedBusinessTime, u.IsProvisional, u.AgreedDueAt, u.PolicyDueAt));
            Assert.Equal(e.Warnings.Select(static w => (w.Percent, w.At, w.IsReached)), u.Warnings.Select(static w => (w.Percent, w.At, w.IsReached)));
            Assert.Equal(e.Escalations.Select(static x => (x.Key, x.At, x.IsReached)), u.Escalations.Select(static x => (x.Key, x.At, x.IsReached)));
            Assert.Equal(e.PausedByReason.Select(static p => (p.Reason.Code, p.BusinessTime)), u.PausedByReason.Select(static p => (p.Reason.Code, p.BusinessTime)));
        }
    }
}
