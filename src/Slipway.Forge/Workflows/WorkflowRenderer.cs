using Slipway.Forge.Reporting;

namespace Slipway.Forge.Workflows;

/// <summary>Turns one validated workflow into its YAML: triggers, concurrency, then one job of checkout and a single ./build.sh call.</summary>
internal static class WorkflowRenderer
{
    public static string Render(WorkflowSpec workflow, BuildSurface build, IReadOnlyList<string> runnerLabels)
    {
        var root = new YamlMapping()
            .Add("name", workflow.Name)
            .Add("on", Triggers(workflow, build, runnerLabels));
        if (workflow.Concurrency is { } group)
            root.Add("concurrency", new YamlMapping().Add("group", group).Add("cancel-in-progress", YamlNode.Literal(workflow.CancelInProgress)));
        root.Add("jobs", Jobs(workflow, build, runnerLabels));
        return YamlText.Write(root,
            [ForgejoActions.GeneratedHeader, $"declared by [ForgejoWorkflow(\"{workflow.Name}\")] on the build class"]);
    }

    static YamlMapping Triggers(WorkflowSpec workflow, BuildSurface build, IReadOnlyList<string> runnerLabels)
    {
        var on = new YamlMapping();
        if (workflow.PushBranches.Count > 0)
            on.Add("push", new YamlMapping().Add("branches", YamlNode.List(workflow.PushBranches)));
        if (workflow.OnPullRequest)
            on.Add("pull_request", PullRequestTrigger(workflow));
        if (workflow.Schedules.Count > 0)
            on.Add("schedule", new YamlSequence(workflow.Schedules.Select(cron => (YamlNode)new YamlMapping().Add("cron", cron.Trim())).ToList()));
        if (workflow.OnWorkflowDispatch)
            on.Add("workflow_dispatch", workflow.Inputs.Count == 0 ? new YamlMapping()
                : new YamlMapping().Add("inputs", Inputs(workflow, build, runnerLabels)));
        return on;
    }

    static YamlMapping PullRequestTrigger(WorkflowSpec workflow)
    {
        var trigger = new YamlMapping();
        if (workflow.PullRequestTypes.Count > 0)
            trigger.Add("types", YamlNode.List(workflow.PullRequestTypes));
        if (workflow.PullRequestBranches.Count > 0)
            trigger.Add("branches", YamlNode.List(workflow.PullRequestBranches));
        return trigger;
    }

    static YamlMapping Inputs(WorkflowSpec workflow, BuildSurface build, IReadOnlyList<string> runnerLabels)
    {
        var inputs = new YamlMapping();
        foreach (var input in workflow.Inputs)
        {
            var field = new YamlMapping()
                .Add("description", DescriptionOf(input, workflow, build))
                .Add("required", YamlNode.Literal(input.IsRequired));
            if (input.Name == workflow.RunsOnInput)
                field.Add("type", "choice").Add("options", YamlNode.List(runnerLabels));
            else
                field.Add("type", "string");
            inputs.Add(input.Name, field);
        }
        return inputs;
    }

    static string DescriptionOf(WorkflowInput input, WorkflowSpec workflow, BuildSurface build)
    {
        var parameter = build.FindParameter(input.Name);
        var text = $"{parameter?.Flag ?? "--" + input.Name}: {parameter?.Description ?? "passed to the build"}";
        return input.Name == workflow.RunsOnInput ? $"{text} (also picks the runner with that label)" : text;
    }

    static YamlMapping Jobs(WorkflowSpec workflow, BuildSurface build, IReadOnlyList<string> runnerLabels)
    {
        var jobs = new YamlMapping();
        if (workflow.RunsOn is { } label)
            return jobs.Add(workflow.Name, Job(workflow, build, label, condition: null));
        // Expressions in runs-on are not resolved alike by every Forgejo version; one job per label, gated by if:, always is.
        foreach (var choice in runnerLabels)
            jobs.Add($"{workflow.Name}-{choice}", Job(workflow, build, choice, $"${{{{ inputs.{workflow.RunsOnInput} == '{choice}' }}}}"));
        return jobs;
    }

    static YamlMapping Job(WorkflowSpec workflow, BuildSurface build, string label, string? condition)
    {
        var job = new YamlMapping();
        if (condition is not null)
            job.Add("if", condition);
        return job
            .Add("runs-on", label)
            .Add("timeout-minutes", YamlNode.Literal(workflow.TimeoutMinutes))
            .Add("defaults", new YamlMapping().Add("run", new YamlMapping().Add("shell", "bash")))
            .Add("env", new YamlMapping().Add("CI", "true"))
            .Add("steps", new YamlSequence([.. Steps(workflow, build)]));
    }

    static IEnumerable<YamlNode> Steps(WorkflowSpec workflow, BuildSurface build)
    {
        yield return new YamlMapping()
            .Add("name", "Checkout")
            .Add("uses", ForgejoActions.Checkout)
            // The build reads tags and commit times, so it needs the history, not a shallow clone.
            .Add("with", new YamlMapping().Add("fetch-depth", YamlNode.Literal(0)));
        yield return new YamlMapping()
            .Add("name", string.Join(" ", workflow.Targets))
            .Add("run", BuildCommand(workflow, build))
            .Add("env", StepEnvironment(workflow));
        foreach (var path in workflow.Artifacts)
            yield return new YamlMapping()
                .Add("name", $"Upload {path}")
                .Add("if", "always()")
                .Add("uses", ForgejoActions.UploadArtifact)
                .Add("with", new YamlMapping()
                    .Add("name", $"{workflow.Name}-{ArtifactName(path)}")
                    .Add("path", path)
                    .Add("if-no-files-found", "ignore"));
    }

    /// <summary>Inputs reach the shell only as quoted variables, never as text pasted into the script; empty optional ones are left out.</summary>
    internal static string BuildCommand(WorkflowSpec workflow, BuildSurface build)
    {
        var words = new List<string> { "./build.sh" };
        words.AddRange(workflow.Targets);
        words.AddRange(workflow.Arguments.Select((word, index) => IsExpression(word) ? $"\"${ArgumentVariable(workflow.Arguments, index)}\"" : ShellWord(word)));
        foreach (var input in workflow.Inputs)
        {
            var flag = build.FindParameter(input.Name)?.Flag ?? "--" + input.Name;
            var variable = input.EnvironmentName;
            words.Add(input.IsRequired ? $"{flag} \"${variable}\"" : $"${{{variable}:+{flag} \"${variable}\"}}");
        }
        return string.Join(" ", words);
    }

    internal static bool IsExpression(string word) => word.Contains("${{", StringComparison.Ordinal);

    /// <summary>The step's variable carrying an expression argument: ARG_PR for the value after --pr, else ARG_&lt;position&gt;.</summary>
    internal static string ArgumentVariable(IReadOnlyList<string> arguments, int index) =>
        index > 0 && arguments[index - 1] is { } flag && flag.StartsWith("--", StringComparison.Ordinal)
            ? "ARG_" + new string(flag[2..].Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray())
            : $"ARG_{index}";

    /// <summary>A fixed argument as one shell word: plain when it is safe, else single-quoted.</summary>
    internal static string ShellWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_-./:=@%+,".Contains(c)) ? word : "'" + word.Replace("'", "'\\''") + "'";

    static YamlMapping StepEnvironment(WorkflowSpec workflow)
    {
        var env = new YamlMapping()
            .Add(ForgeEnvironment.Kind, "forgejo")
            .Add(ForgeEnvironment.Token, $"${{{{ secrets.{workflow.ForgeTokenSecret} }}}}")
            .Add(ForgeEnvironment.Workflow, workflow.Name);
        foreach (var (name, expression) in ForgeEnvironment.FromRunContext)
            env.Add(name, expression);
        foreach (var secret in workflow.Secrets)
            env.Add(secret, $"${{{{ secrets.{secret} }}}}");
        foreach (var input in workflow.Inputs)
            env.Add(input.EnvironmentName, $"${{{{ inputs.{input.Name} }}}}");
        for (var index = 0; index < workflow.Arguments.Count; index++)
            if (IsExpression(workflow.Arguments[index]))
                env.Add(ArgumentVariable(workflow.Arguments, index), workflow.Arguments[index]);
        return env;
    }

    static string ArtifactName(string path) =>
        path.TrimEnd('/').Split('/').Last() is { Length: > 0 } last ? last.TrimStart('.') : "artifact";
}
