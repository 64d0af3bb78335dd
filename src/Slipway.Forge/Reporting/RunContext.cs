namespace Slipway.Forge.Reporting;

public enum ForgeKind
{
    Forgejo,
    GitHub,
}

/// <summary>The CI run the build is part of: forge, repository, run, workflow, branch and commit, with links to them.</summary>
public sealed record RunContext(
    ForgeKind Kind, string ServerUrl, string Repository, string RunId, string RunNumber, string Workflow, string Branch, string Sha)
{
    /// <summary>The variables that were not set; reporting is skipped (with a warning) unless this is empty.</summary>
    public IReadOnlyList<string> Missing { get; init; } = [];

    public bool IsComplete => Missing.Count == 0;

    /// <summary>Forgejo addresses a run by its number within the repository, GitHub by its id.</summary>
    public string RunUrl => $"{ServerUrl}/{Repository}/actions/runs/{(Kind == ForgeKind.Forgejo ? RunNumber : RunId)}";

    public string CommitUrl => $"{ServerUrl}/{Repository}/commit/{Sha}";

    public string ShortSha => Sha.Length > 12 ? Sha[..12] : Sha;

    /// <summary>
    /// Reads the FORGE_* variables generated workflows set, falling back to the GITHUB_* ones Forgejo and GitHub
    /// Actions set themselves. Never throws: what is missing is listed in <see cref="Missing"/>.
    /// </summary>
    public static RunContext FromEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        var missing = new List<string>();
        string Read(string forgeName, string githubName, bool required = true)
        {
            var value = Get(environment, forgeName) ?? Get(environment, githubName);
            if (value is null && required)
                missing.Add(githubName);
            return value ?? "";
        }
        var context = new RunContext(
            KindOf(environment),
            Read(ForgeEnvironment.ServerUrl, "GITHUB_SERVER_URL").TrimEnd('/'),
            Read(ForgeEnvironment.Repository, "GITHUB_REPOSITORY"),
            Read(ForgeEnvironment.RunId, "GITHUB_RUN_ID"),
            Read(ForgeEnvironment.RunNumber, "GITHUB_RUN_NUMBER"),
            Read(ForgeEnvironment.Workflow, "GITHUB_WORKFLOW"),
            // A pull request's ref name is "42/merge"; its branch is the head ref.
            Read(ForgeEnvironment.HeadRef, "GITHUB_HEAD_REF", required: false) is { Length: > 0 } head ? head : Read(ForgeEnvironment.RefName, "GITHUB_REF_NAME"),
            Read(ForgeEnvironment.Sha, "GITHUB_SHA"));
        return context with { Missing = missing };
    }

    static ForgeKind KindOf(IReadOnlyDictionary<string, string> environment) =>
        Get(environment, ForgeEnvironment.Kind) is { } kind ? (kind.Equals("github", StringComparison.OrdinalIgnoreCase) ? ForgeKind.GitHub : ForgeKind.Forgejo)
        : Get(environment, "FORGEJO_ACTIONS") is not null || Get(environment, "GITEA_ACTIONS") is not null ? ForgeKind.Forgejo
        : Get(environment, "GITHUB_ACTIONS") is not null ? ForgeKind.GitHub
        : ForgeKind.Forgejo;

    static string? Get(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
