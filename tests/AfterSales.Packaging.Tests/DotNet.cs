namespace AfterSales.Packaging.Tests;

/// <summary>Runs the dotnet CLI as a child process with a time limit, isolated from the test host's MSBuild.</summary>
internal static class DotNet
{
    public static string Run(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        ChildProcess.Run("dotnet", workingDirectory, timeout, static start =>
        {
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            // Child builds must not inherit the test host's MSBuild node or property settings.
            start.Environment.Remove("MSBuildExtensionsPath");
            start.Environment.Remove("MSBUILD_EXE_PATH");
            start.Environment.Remove("MSBuildSDKsPath");
        }, arguments);
}
