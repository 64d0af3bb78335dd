using System.Security.Cryptography;
using System.Text;

namespace Slipway.Tooling;

/// <summary>A hash of every file git would commit (tracked, or untracked and not ignored), so a result can be reused while nothing changed.</summary>
public static class SourceFingerprint
{
    public static async Task<string> ComputeAsync(string root, CancellationToken ct = default)
    {
        var listing = await ToolRunner.RunAsync(new ToolInvocation("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])
        {
            WorkingDirectory = root, Echo = OutputEcho.None,
        }, ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in listing.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(root, file);
            if (!File.Exists(path)) continue; // deleted but not yet staged
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            hash.AppendData(await File.ReadAllBytesAsync(path, ct));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}

/// <summary>Remembers that a step passed for a fingerprint, in a small file under the build's temp folder.</summary>
public sealed class PassedStamp(string path)
{
    public bool IsCurrent(string fingerprint) => File.Exists(path) && File.ReadAllText(path).Trim() == fingerprint;

    public void Record(string fingerprint)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path + ".tmp", fingerprint);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public void Clear() => File.Delete(path);
}
