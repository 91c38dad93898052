using AfterSales.WorkOrders;

namespace AfterSales.Tests.WorkOrders;

public sealed class TicketWorkflowTests
{
    private const string RegenerateVariable = "AFTERSALES_REGENERATE_DOCS";

    [Fact]
    public void Definition_TerminalStates_AreClosedAndCancelled()
    {
        Assert.Equal([TicketState.Closed, TicketState.Cancelled], TicketWorkflow.Definition.TerminalStates);
        Assert.Equal(TicketState.Reported, TicketWorkflow.Definition.InitialState);
    }

    [Fact]
    public void Definition_CancelAndReclassify_AreConfiguredOnceOnSuperstates()
    {
        Assert.Single(TicketWorkflow.Definition.Transitions, static t => t.Trigger == TicketTrigger.Cancel);
        Assert.Single(TicketWorkflow.Definition.Transitions, static t => t.Trigger == TicketTrigger.Reclassify);
        Assert.Equal(TicketState.Unrestored, TicketWorkflow.Definition.Transitions.Single(static t => t.Trigger == TicketTrigger.Cancel).Source);
    }

    [Fact]
    public void Definition_Resume_HasOneGuardedTransitionPerPausableState()
    {
        var resumes = TicketWorkflow.Definition.Transitions.Where(static t => t.Trigger == TicketTrigger.Resume).ToArray();
        Assert.Equal(TicketWorkflow.PausableStates, resumes.Select(static t => t.Destination));
        Assert.All(resumes, static t => Assert.Equal($"paused from {t.Destination}", Assert.Single(t.GuardDescriptions)));
    }

    [Fact]
    public void DocsTicketWorkflow_MatchesTheDefinition()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "ticket-workflow.md");
        var generated = TicketWorkflow.ToMarkdown();
        if (Environment.GetEnvironmentVariable(RegenerateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "(missing)";
        Assert.True(
            committed == generated,
            $"docs/ticket-workflow.md differs from TicketWorkflow.ToMarkdown(). Regenerate it with "
            + $"`{RegenerateVariable}=1 dotnet test --filter DocsTicketWorkflow_MatchesTheDefinition` and commit the file.");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AfterSales.Kit.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("AfterSales.Kit.sln not found above " + AppContext.BaseDirectory);
    }
}
