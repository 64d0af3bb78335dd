using System.Reflection;

namespace SampleService;

/// <summary>What this build is and when this process started, as answered by /version.</summary>
internal sealed record VersionInfo(string Version, string Commit, DateTime Started)
{
    public const string LocalVersion = "0.0.0-local";
    public const string UnknownCommit = "unknown";

    public static VersionInfo FromAssembly(Assembly assembly, DateTime started) =>
        Parse(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion, started);

    /// <summary>Splits "1.2.3+sha" as the SDK writes it from -p:Version and -p:SourceRevisionId.</summary>
    public static VersionInfo Parse(string? informationalVersion, DateTime started)
    {
        var text = informationalVersion?.Trim() ?? "";
        var plus = text.IndexOf('+');
        var version = plus < 0 ? text : text[..plus];
        var commit = plus < 0 ? "" : text[(plus + 1)..];
        return new VersionInfo(
            version.Length == 0 ? LocalVersion : version,
            commit.Length == 0 ? UnknownCommit : commit,
            started);
    }
}
