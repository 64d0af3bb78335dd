namespace Slipway.Forge.Workflows;

/// <summary>One workflow as data: what triggers it, where it runs and which targets it invokes.</summary>
public sealed record WorkflowSpec
{
    public required string Name { get; init; }
    public IReadOnlyList<string> PushBranches { get; init; } = [];
    public bool OnPullRequest { get; init; }
    public IReadOnlyList<string> PullRequestBranches { get; init; } = [];
    public IReadOnlyList<string> PullRequestTypes { get; init; } = [];
    public IReadOnlyList<string> Schedules { get; init; } = [];
    public bool OnWorkflowDispatch { get; init; }
    public IReadOnlyList<WorkflowInput> Inputs { get; init; } = [];
    public string? RunsOn { get; init; }
    public string? RunsOnInput { get; init; }
    public IReadOnlyList<string> Targets { get; init; } = [];
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public IReadOnlyList<string> Secrets { get; init; } = [];
    public string? Concurrency { get; init; }
    public bool CancelInProgress { get; init; }
    public int TimeoutMinutes { get; init; } = 60;
    public IReadOnlyList<string> Artifacts { get; init; } = [];
    public string ForgeTokenSecret { get; init; } = "FORGEJO_TOKEN";

    public string FileName => $"{Name}.yml";

    internal static WorkflowSpec From(ForgejoWorkflowAttribute attribute) => new()
    {
        Name = attribute.Name,
        PushBranches = attribute.OnPushBranches,
        OnPullRequest = attribute.OnPullRequest || attribute.OnPullRequestBranches.Length > 0 || attribute.OnPullRequestTypes.Length > 0,
        PullRequestBranches = attribute.OnPullRequestBranches,
        PullRequestTypes = attribute.OnPullRequestTypes,
        Schedules = attribute.OnCron,
        OnWorkflowDispatch = attribute.OnWorkflowDispatch,
        Inputs = attribute.Inputs.Select(WorkflowInput.Parse).ToList(),
        RunsOn = attribute.RunsOn,
        RunsOnInput = attribute.RunsOnInput,
        Targets = attribute.InvokedTargets,
        Arguments = attribute.Arguments,
        Secrets = attribute.ImportSecrets,
        Concurrency = attribute.Concurrency,
        CancelInProgress = attribute.CancelInProgress,
        TimeoutMinutes = attribute.TimeoutMinutes,
        Artifacts = attribute.PublishArtifacts,
        ForgeTokenSecret = attribute.ForgeTokenSecret,
    };
}

/// <summary>A workflow_dispatch field passed to the build as the parameter of the same name.</summary>
public sealed record WorkflowInput(string Name, bool IsRequired)
{
    /// <summary>"env" is required, "to?" optional.</summary>
    public static WorkflowInput Parse(string text) =>
        text.EndsWith('?') ? new(text[..^1].Trim(), IsRequired: false) : new(text.Trim(), IsRequired: true);

    /// <summary>The step's environment variable carrying the value, so the shell never sees it as code.</summary>
    public string EnvironmentName => "INPUT_" + new string(Name.Select(c => char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray());
}

/// <summary>The runner labels and workflows declared on a build class.</summary>
public sealed record WorkflowDeclaration(IReadOnlyList<string> RunnerLabels, IReadOnlyList<WorkflowSpec> Workflows)
{
    /// <summary>Reads [ForgejoRunners] and every [ForgejoWorkflow] of the build class, in name order.</summary>
    public static WorkflowDeclaration Read(Type buildType)
    {
        var labels = buildType.GetCustomAttributes(typeof(ForgejoRunnersAttribute), inherit: true)
            .Cast<ForgejoRunnersAttribute>().SelectMany(attribute => attribute.Labels).ToList();
        var workflows = buildType.GetCustomAttributes(typeof(ForgejoWorkflowAttribute), inherit: true)
            .Cast<ForgejoWorkflowAttribute>().Select(WorkflowSpec.From)
            .OrderBy(spec => spec.Name, StringComparer.Ordinal).ToList();
        return new WorkflowDeclaration(labels, workflows);
    }
}
