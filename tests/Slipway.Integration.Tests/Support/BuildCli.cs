using Slipway.Tooling;

namespace Slipway.Integration.Tests.Support;

/// <summary>Runs the compiled build (what ./build.sh runs) as a separate process, as a user or a workflow would.</summary>
public static class BuildCli
{
    static readonly SemaphoreSlim Gate = new(1, 1);
    static string? _dll;

    /// <summary>The compiled build, once a run has located or compiled it.</summary>
    public static string? DllPath => _dll;

    public static Task<ToolResult> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), null, args);

    /// <summary>Runs the build with extra environment variables (null removes one, e.g. SOPS_AGE_KEY) and, if given, text on stdin.</summary>
    public static async Task<ToolResult> RunAsync(IReadOnlyDictionary<string, string?> environment, string? standardInput, params string[] args)
    {
        var dll = await BuildDllAsync();
        // The child must not think it runs in CI, or it would install packages and print workflow commands.
        var variables = new Dictionary<string, string?> { ["CI"] = null, ["GITHUB_ACTIONS"] = null, ["FORGEJO_ACTIONS"] = null };
        foreach (var (name, value) in environment) variables[name] = value;
        return await ToolRunner.RunAsync(new ToolInvocation("dotnet", [dll, .. args])
        {
            WorkingDirectory = Repository.Root, ThrowOnFailure = false, Echo = OutputEcho.None,
            Environment = variables, StandardInput = standardInput,
        });
    }

    /// <summary>The build ./build.sh compiled, or a fresh compile of it when the tests run on their own.</summary>
    static async Task<string> BuildDllAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_dll is not null) return _dll;
            var compiled = Path.Combine(Repository.Root, ".nuke", "temp", "build-bin", "_build.dll");
            if (Environment.GetEnvironmentVariable("SLIPWAY_ROOT") is { Length: > 0 } && File.Exists(compiled)) return _dll = compiled;
            var output = Repository.TempDirectory("build-bin");
            await ToolRunner.RunAsync(new ToolInvocation("dotnet", ["build", Path.Combine(Repository.Root, "build", "_build.csproj"), "-o", output, "--nologo", "-v", "quiet"]));
            return _dll = Path.Combine(output, "_build.dll");
        }
        finally { Gate.Release(); }
    }
}
