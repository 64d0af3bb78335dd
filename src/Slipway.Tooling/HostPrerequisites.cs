using Serilog;

namespace Slipway.Tooling;

/// <summary>A program the pipeline drives and the Debian package that provides it.</summary>
public sealed record RequiredTool(string Executable, string DebianPackage);

/// <summary>Finds the programs the pipeline drives; installs the missing ones with apt-get where that is allowed (root on Debian/Ubuntu, or CI).</summary>
public static class HostPrerequisites
{
    public static bool IsRoot => Environment.UserName == "root";
    public static bool HasAptGet => File.Exists("/usr/bin/apt-get");

    public static bool IsMissing(RequiredTool tool) =>
        !ToolRunner.IsOnPath(tool.Executable) && !File.Exists(Path.Combine("/usr/sbin", tool.Executable));

    public static async Task EnsureInstalledAsync(IReadOnlyList<RequiredTool> tools, bool mayInstall, CancellationToken ct = default)
    {
        var missing = tools.Where(IsMissing).ToList();
        if (missing.Count == 0)
        {
            Log.Information("Found {Tools}", string.Join(", ", tools.Select(t => t.Executable)));
            return;
        }
        var packages = missing.Select(t => t.DebianPackage).Distinct().ToList();
        var command = $"apt-get update && apt-get install -y {string.Join(' ', packages)}";
        if (!mayInstall || !HasAptGet || !IsRoot)
            throw new PrerequisiteMissingException(
                $"missing {string.Join(", ", missing.Select(t => t.Executable))}; install them with: sudo sh -c '{command}'");

        Log.Information("Installing {Packages} with apt-get", packages);
        var env = new Dictionary<string, string?> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        await ToolRunner.RunAsync(new ToolInvocation("apt-get", ["update", "-qq"]) { Environment = env }, ct);
        await ToolRunner.RunAsync(new ToolInvocation("apt-get", ["install", "-y", "-qq", "--no-install-recommends", .. packages]) { Environment = env }, ct);
        var stillMissing = tools.Where(IsMissing).Select(t => t.Executable).ToList();
        if (stillMissing.Count > 0)
            throw new PrerequisiteMissingException($"apt-get ran but {string.Join(", ", stillMissing)} is still missing; install it by hand");
    }
}

/// <summary>A program the pipeline needs is not installed; the message has the command that installs it.</summary>
public sealed class PrerequisiteMissingException(string message) : Exception(message);
