namespace Slipway.Engine.Planning;

/// <summary>Turns invoked target names into an ordered plan: dependency closure, triggers, ordering, cycle check and --skip.</summary>
internal static class ExecutionPlanner
{
    public const string SkipReason = "--skip";

    /// <param name="targets">All declared targets in declaration order.</param>
    /// <param name="invokedNames">Targets named on the command line; empty means the default target.</param>
    /// <param name="skippedNames">Null without --skip; empty for a bare --skip (skip all but the invoked targets).</param>
    public static IReadOnlyList<ExecutableTarget> GetExecutionPlan(
        IReadOnlyList<ExecutableTarget> targets,
        IReadOnlyCollection<string> invokedNames,
        IReadOnlyCollection<string>? skippedNames)
    {
        ThrowOnCycle(targets);
        var invoked = GetInvokedTargets(targets, invokedNames);
        var plan = Order(targets, CollectMembers(invoked));
        foreach (var target in plan)
        {
            target.Status = ExecutionStatus.Scheduled;
            target.IsInvoked = invoked.Contains(target);
            target.SkipReason = null;
        }
        if (skippedNames is not null)
            MarkSkipped(plan, GetSkippedTargets(targets, plan, skippedNames));
        return plan;
    }

    public static ExecutableTarget Find(IReadOnlyList<ExecutableTarget> targets, string name) =>
        targets.FirstOrDefault(target => target.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new BuildUsageException(
            $"Unknown target '{name}'; valid targets: {string.Join(", ", targets.Where(t => t.IsListed).Select(t => t.Name))}");

    static IReadOnlyList<ExecutableTarget> GetInvokedTargets(IReadOnlyList<ExecutableTarget> targets, IReadOnlyCollection<string> names)
    {
        if (names.Count > 0)
            return names.Select(name => Find(targets, name)).Distinct().ToList();
        var fallback = targets.FirstOrDefault(target => target.IsDefault)
            ?? throw new BuildUsageException("No target given and the build has no default target; name one, e.g. ./build.sh Compile");
        return [fallback];
    }

    static HashSet<ExecutableTarget> CollectMembers(IEnumerable<ExecutableTarget> invoked)
    {
        var members = new HashSet<ExecutableTarget>();
        var pending = new Queue<ExecutableTarget>(invoked);
        while (pending.TryDequeue(out var target))
        {
            if (!members.Add(target))
                continue;
            foreach (var next in target.ExecutionDependencies.Concat(target.Triggers))
                pending.Enqueue(next);
        }
        return members;
    }

    /// <summary>Topological order; among targets ready at the same time the one declared first goes first.</summary>
    static List<ExecutableTarget> Order(IReadOnlyList<ExecutableTarget> targets, HashSet<ExecutableTarget> members)
    {
        var plan = new List<ExecutableTarget>();
        var remaining = targets.Where(members.Contains).ToList();
        while (remaining.Count > 0)
        {
            var next = remaining.First(target =>
                target.Predecessors.All(predecessor => !members.Contains(predecessor) || plan.Contains(predecessor)));
            plan.Add(next);
            remaining.Remove(next);
        }
        return plan;
    }

    static void ThrowOnCycle(IReadOnlyList<ExecutableTarget> targets)
    {
        var done = new HashSet<ExecutableTarget>();
        foreach (var target in targets)
        {
            if (FindCycle(target, [], done) is { } cycle)
                throw new BuildUsageException($"Circular dependency: {string.Join(" -> ", cycle.Select(t => t.Name))}");
        }
    }

    /// <summary>Depth-first along "runs after" edges; returns the cycle closed by the first target met twice on the path.</summary>
    static List<ExecutableTarget>? FindCycle(ExecutableTarget target, List<ExecutableTarget> path, HashSet<ExecutableTarget> done)
    {
        if (path.IndexOf(target) is var start and >= 0)
            return [.. path.Skip(start), target];
        if (done.Contains(target))
            return null;
        path.Add(target);
        foreach (var predecessor in target.Predecessors)
        {
            if (FindCycle(predecessor, path, done) is { } cycle)
                return cycle;
        }
        path.RemoveAt(path.Count - 1);
        done.Add(target);
        return null;
    }

    static IEnumerable<ExecutableTarget> GetSkippedTargets(
        IReadOnlyList<ExecutableTarget> targets, IReadOnlyList<ExecutableTarget> plan, IReadOnlyCollection<string> names) =>
        names.Count == 0
            ? plan.Where(target => !target.IsInvoked)
            : names.Select(name => Find(targets, name)).Where(plan.Contains);

    static void MarkSkipped(IReadOnlyList<ExecutableTarget> plan, IEnumerable<ExecutableTarget> skipped)
    {
        foreach (var target in skipped.Where(plan.Contains))
        {
            target.Status = ExecutionStatus.Skipped;
            target.SkipReason = SkipReason;
        }
    }
}
