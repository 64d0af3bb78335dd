using System.Text.RegularExpressions;

namespace Slipway.Forge.Workflows;

/// <summary>Checks a declaration against the build before anything is written: runner labels, targets, parameters, names.</summary>
public static partial class WorkflowValidator
{
    /// <summary>One line per problem; empty when the declaration is sound.</summary>
    public static IReadOnlyList<string> Validate(WorkflowDeclaration declaration, BuildSurface build)
    {
        var problems = new List<string>();
        if (declaration.Workflows.Count > 0 && declaration.RunnerLabels.Count == 0)
            problems.Add("No runner labels declared; put [ForgejoRunners(\"dev\", \"prod\")] (the labels your runners register with) on the build class");
        foreach (var duplicate in declaration.Workflows.GroupBy(w => w.Name).Where(group => group.Count() > 1))
            problems.Add($"{Where(duplicate.Key)} is declared {duplicate.Count()} times; workflow names must be unique");
        foreach (var workflow in declaration.Workflows)
            problems.AddRange(ValidateOne(workflow, declaration.RunnerLabels, build).Select(problem => $"{Where(workflow.Name)} {problem}"));
        return problems;
    }

    public static void ThrowIfInvalid(WorkflowDeclaration declaration, BuildSurface build)
    {
        if (Validate(declaration, build) is { Count: > 0 } problems)
            throw new WorkflowException(problems);
    }

    static IEnumerable<string> ValidateOne(WorkflowSpec workflow, IReadOnlyList<string> labels, BuildSurface build)
    {
        if (!WorkflowName().IsMatch(workflow.Name))
            yield return "has an invalid name; use lower case letters, digits and dashes (it becomes the file name)";
        if (workflow.PushBranches.Count == 0 && !workflow.OnPullRequest && workflow.Schedules.Count == 0 && !workflow.OnWorkflowDispatch)
            yield return "has no trigger; set OnPushBranches, OnPullRequest, OnCron or OnWorkflowDispatch";
        foreach (var problem in RunnerProblems(workflow, labels))
            yield return problem;
        foreach (var problem in TargetProblems(workflow, build))
            yield return problem;
        foreach (var problem in InputProblems(workflow, build))
            yield return problem;
        foreach (var problem in TriggerProblems(workflow))
            yield return problem;
        foreach (var secret in workflow.Secrets.Append(workflow.ForgeTokenSecret).Where(secret => !SecretName().IsMatch(secret)))
            yield return $"imports the secret '{secret}', which Forgejo cannot hold; secret names are letters, digits and '_', not starting with a digit, GITHUB_ or GITEA_, and not CI";
        if (workflow.TimeoutMinutes is < 1 or > 4320)
            yield return $"has TimeoutMinutes = {workflow.TimeoutMinutes}; use 1 to 4320";
        if (workflow.Concurrency is { } group && string.IsNullOrWhiteSpace(group))
            yield return "has an empty Concurrency group; leave it out or name the group";
        foreach (var path in workflow.Artifacts.Where(path => path.Length == 0 || Path.IsPathRooted(path) || path.Split('/').Contains("..")))
            yield return $"publishes the artifact path '{path}'; use a path inside the repository";
    }

    static IEnumerable<string> RunnerProblems(WorkflowSpec workflow, IReadOnlyList<string> labels)
    {
        var known = labels.Count == 0 ? "none declared" : string.Join(", ", labels);
        if ((workflow.RunsOn is null) == (workflow.RunsOnInput is null))
            yield return "must set exactly one of RunsOn (a runner label) and RunsOnInput (an input choosing the label)";
        else if (workflow.RunsOn is { } label && !labels.Contains(label, StringComparer.Ordinal))
            yield return $"runs on '{label}', a label no declared runner has; known labels: {known} (add it to [ForgejoRunners(...)] once a runner registers with it)";
        else if (workflow.RunsOnInput is { } input && !workflow.Inputs.Any(i => i.Name == input && i.IsRequired))
            yield return $"chooses its runner with the input '{input}', which is not one of its required Inputs; add \"{input}\" to Inputs";
    }

    static IEnumerable<string> TargetProblems(WorkflowSpec workflow, BuildSurface build)
    {
        if (workflow.Targets.Count == 0)
            yield return "invokes no target; set InvokedTargets";
        foreach (var target in workflow.Targets.Where(target => !build.HasTarget(target)))
            yield return $"invokes '{target}', which is not a target of the build; targets: {string.Join(", ", build.Targets)}";
        foreach (var flag in workflow.Arguments.Where(word => word.StartsWith("--", StringComparison.Ordinal)))
            if (build.FindParameter(flag) is not { } parameter)
                yield return $"passes '{flag}', which is not a parameter of the build; parameters: {string.Join(", ", build.Parameters.Select(p => p.Flag))}";
            else if (parameter.IsSecret)
                yield return $"passes the secret parameter '{flag}' in plain text; leave it to the secrets file or an imported secret";
        foreach (var word in workflow.Arguments.Where(WorkflowRenderer.IsExpression))
            if (!word.StartsWith("${{", StringComparison.Ordinal) || !word.EndsWith("}}", StringComparison.Ordinal))
                yield return $"passes '{word}'; an argument is either plain text or one whole expression (\"${{{{ github.event.pull_request.number }}}}\")";
            else if (word.Contains("secrets.", StringComparison.Ordinal))
                yield return $"passes '{word}' as an argument; secrets reach the build through ImportSecrets, never on its command line";
    }

    static IEnumerable<string> InputProblems(WorkflowSpec workflow, BuildSurface build)
    {
        if (workflow.Inputs.Count > 0 && !workflow.OnWorkflowDispatch)
            yield return "declares Inputs but cannot be run by hand; set OnWorkflowDispatch = true";
        foreach (var duplicate in workflow.Inputs.GroupBy(input => input.Name).Where(group => group.Count() > 1))
            yield return $"declares the input '{duplicate.Key}' twice";
        foreach (var input in workflow.Inputs)
        {
            var parameter = build.FindParameter(input.Name);
            if (parameter is null)
                yield return $"has the input '{input.Name}', which is not a parameter of the build; parameters: {string.Join(", ", build.Parameters.Select(p => p.Flag))}";
            else if (parameter.IsSecret)
                yield return $"has the input '{input.Name}', a [Secret] parameter; secrets come from ImportSecrets, never from a form";
            else if (!InputName().IsMatch(input.Name))
                yield return $"has the input '{input.Name}'; write inputs as the parameter's flag without dashes in front (\"env\", \"keep-releases\")";
        }
    }

    static readonly string[] PullRequestActivities =
    [
        "opened", "edited", "closed", "reopened", "synchronize", "assigned", "unassigned", "labeled", "unlabeled",
        "milestoned", "demilestoned", "review_requested", "review_request_removed",
    ];

    static IEnumerable<string> TriggerProblems(WorkflowSpec workflow)
    {
        foreach (var type in workflow.PullRequestTypes.Where(type => !PullRequestActivities.Contains(type, StringComparer.Ordinal)))
            yield return $"has the pull request type '{type}'; Forgejo knows {string.Join(", ", PullRequestActivities)}";
        foreach (var branch in workflow.PushBranches.Concat(workflow.PullRequestBranches).Where(b => b.Length == 0 || b.Any(char.IsWhiteSpace)))
            yield return $"has the branch pattern '{branch}'; a pattern is a branch name or glob without spaces (\"feature/**\")";
        foreach (var cron in workflow.Schedules.Where(cron => !CronLine().IsMatch(cron.Trim())))
            yield return $"has the schedule '{cron}'; a cron line has five fields: minute hour day-of-month month day-of-week (\"0 3 * * *\")";
    }

    static string Where(string name) => $"[ForgejoWorkflow(\"{name}\")]";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex WorkflowName();

    [GeneratedRegex("^(?!GITHUB_|GITEA_|CI$)[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex InputName();

    [GeneratedRegex(@"^([0-9*/,\-A-Za-z]+\s+){4}[0-9*/,\-A-Za-z]+$")]
    private static partial Regex CronLine();
}
