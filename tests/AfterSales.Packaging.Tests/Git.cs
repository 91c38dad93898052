namespace AfterSales.Packaging.Tests;

/// <summary>Runs git as a child process; the repository's own configuration and the user's apply.</summary>
internal static class Git
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static string Run(string workingDirectory, params string[] arguments) =>
        ChildProcess.Run("git", workingDirectory, Timeout, static start => start.Environment["GIT_TERMINAL_PROMPT"] = "0", arguments);
}
