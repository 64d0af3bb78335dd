namespace Slipway.Tooling;

/// <summary>What the pipeline needs to know about the checked-out commit.</summary>
public sealed record GitInfo(string Commit, string Branch, DateTimeOffset CommitTime, int CommitCount, bool IsDirty)
{
    public string ShortCommit => Commit[..Math.Min(12, Commit.Length)];

    /// <summary>Reads HEAD of the repository at <paramref name="root"/>; CI checkouts are often detached, so the branch may come from the CI's environment.</summary>
    public static async Task<GitInfo> ReadAsync(string root, CancellationToken ct = default)
    {
        var commit = await GitAsync(root, ct, "rev-parse", "HEAD");
        var branch = Environment.GetEnvironmentVariable("GITHUB_REF_NAME") is { Length: > 0 } refName
            ? refName
            : await GitAsync(root, ct, "rev-parse", "--abbrev-ref", "HEAD");
        var time = DateTimeOffset.FromUnixTimeSeconds(long.Parse(await GitAsync(root, ct, "log", "-1", "--format=%ct")));
        var count = int.Parse(await GitAsync(root, ct, "rev-list", "--count", "HEAD"));
        var dirty = (await GitAsync(root, ct, "status", "--porcelain", "--untracked-files=no")).Length > 0;
        return new GitInfo(commit, branch, time, count, dirty);
    }

    static async Task<string> GitAsync(string root, CancellationToken ct, params string[] args)
    {
        var result = await ToolRunner.RunAsync(new ToolInvocation("git", args) { WorkingDirectory = root, Echo = OutputEcho.None }, ct);
        return result.StandardOutput.Trim();
    }
}
