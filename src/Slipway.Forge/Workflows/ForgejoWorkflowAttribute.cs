namespace Slipway.Forge.Workflows;

/// <summary>Declares one Forgejo Actions workflow on the build class; ./build.sh GenerateWorkflows writes it to .forgejo/workflows/&lt;name&gt;.yml.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
public sealed class ForgejoWorkflowAttribute(string name) : Attribute
{
    /// <summary>The file name (without .yml), the workflow's name and its job id: lower case, digits and dashes.</summary>
    public string Name { get; } = name;

    /// <summary>Branch patterns whose pushes run the workflow (globs: "feature/**").</summary>
    public string[] OnPushBranches { get; set; } = [];

    /// <summary>Runs for every pull request, or only for those into <see cref="OnPullRequestBranches"/> when given.</summary>
    public bool OnPullRequest { get; set; }

    public string[] OnPullRequestBranches { get; set; } = [];

    /// <summary>Only these pull request activities run the workflow ("opened", "synchronize", "closed", ...); all of them when empty.
    /// Setting them makes the workflow run on pull requests.</summary>
    public string[] OnPullRequestTypes { get; set; } = [];

    /// <summary>Cron lines (five fields, UTC) that run the workflow on a schedule.</summary>
    public string[] OnCron { get; set; } = [];

    /// <summary>Can be run by hand (workflow_dispatch); <see cref="Inputs"/> become the fields of its form.</summary>
    public bool OnWorkflowDispatch { get; set; }

    /// <summary>Parameters asked for by workflow_dispatch and passed to the build: "env" is a required --env, "to?" an optional --to left out when empty.</summary>
    public string[] Inputs { get; set; } = [];

    /// <summary>The runner label the job needs (one of [ForgejoRunners]).</summary>
    public string? RunsOn { get; set; }

    /// <summary>Instead of <see cref="RunsOn"/>: the input naming the runner, offered as a choice of the runner labels (one job per label, only the chosen one runs).</summary>
    public string? RunsOnInput { get; set; }

    /// <summary>The targets to run, in one ./build.sh call so that assured-after-failure targets see the failure.</summary>
    public string[] InvokedTargets { get; set; } = [];

    /// <summary>Fixed parameters after the targets, flag then value: ["--env", "prod"]; never a secret (those come from the secrets file).
    /// A value that is a workflow expression ("${{ github.event.pull_request.number }}") reaches the shell as a quoted variable, never as text.</summary>
    public string[] Arguments { get; set; } = [];

    /// <summary>Repository secrets passed to the build as environment variables of the same name.</summary>
    public string[] ImportSecrets { get; set; } = [];

    /// <summary>Concurrency group, e.g. "deploy-prod" or "test-${{ github.ref_name }}"; runs of one group never overlap.</summary>
    public string? Concurrency { get; set; }

    /// <summary>A new run cancels the one in progress in its group (right for tests, wrong for deploys).</summary>
    public bool CancelInProgress { get; set; }

    public int TimeoutMinutes { get; set; } = 60;

    /// <summary>Paths uploaded after the build, pass or fail, with Forgejo's fork of upload-artifact.</summary>
    public string[] PublishArtifacts { get; set; } = [];

    /// <summary>The repository secret holding the token the failure reporter uses; passed as FORGEJO_TOKEN.</summary>
    public string ForgeTokenSecret { get; set; } = "FORGEJO_TOKEN";
}
