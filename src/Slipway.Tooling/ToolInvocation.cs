namespace Slipway.Tooling;

/// <summary>How loudly a tool's output lines reach the build log.</summary>
public enum OutputEcho { None, Debug, Information }

/// <summary>One call of a command-line tool: what to run, where, and what to do with its output.</summary>
public sealed record ToolInvocation(string Executable, IReadOnlyList<string> Arguments)
{
    public string? WorkingDirectory { get; init; }
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
    public string? StandardInput { get; init; }
    public OutputEcho Echo { get; init; } = OutputEcho.Debug;
    public bool ThrowOnFailure { get; init; } = true;
    public string DisplayName => Path.GetFileName(Executable);
}

/// <summary>What a finished tool printed and how it exited.</summary>
public sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>A tool exited non-zero; the message carries its last output lines.</summary>
public sealed class ToolFailedException(string tool, ToolResult result)
    : Exception($"{tool} exited with code {result.ExitCode}: {LastLines(result)}")
{
    public ToolResult Result { get; } = result;

    static string LastLines(ToolResult result)
    {
        var text = string.IsNullOrWhiteSpace(result.StandardError) ? result.StandardOutput : result.StandardError;
        var lines = (result.StandardOutput + "\n" + result.StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Compilers and test runners print a summary last; the first error lines say what is wrong.
        var errors = lines.Where(l => l.Contains(": error ", StringComparison.Ordinal)).Distinct().Take(3).ToList();
        if (errors.Count > 0) return string.Join(" | ", errors);
        var last = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return last.Length == 0 ? "(no output)" : string.Join(" | ", last.TakeLast(3));
    }
}

/// <summary>A tool is not installed or not on PATH.</summary>
public sealed class ToolNotFoundException(string tool, string detail)
    : Exception($"'{tool}' is not installed or not on PATH ({detail}); run ./build.sh Prerequisites to install it");
