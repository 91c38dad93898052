using System.Diagnostics;

namespace AfterSales.Http.Tests.Support;

/// <summary>Runs the command-line tools some tests drive (npx, dotnet tool), with a time limit.</summary>
public static class Tools
{
    /// <summary>Whether <paramref name="name"/> is on the PATH.</summary>
    public static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Any(d => File.Exists(Path.Combine(d, name)));

    /// <summary>Runs <paramref name="file"/> and returns its exit code and combined output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string file, IEnumerable<string> arguments, string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish in time.\n{await output}\n{await error}");
        }

        return (process.ExitCode, await output + await error);
    }
}

/// <summary>A fact that needs a command-line tool: skipped when it is missing locally, failing under CI=true (.ci/run installs it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ToolFactAttribute : FactAttribute
{
    public ToolFactAttribute(string tool)
    {
        if (!Tools.OnPath(tool) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = $"{tool} is not installed (apt-get install -y nodejs npm); .ci/run installs it.";
        }
    }
}
