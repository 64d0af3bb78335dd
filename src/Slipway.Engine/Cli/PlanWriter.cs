namespace Slipway.Engine.Cli;

/// <summary>Renders --plan: the numbered plan as text and the target graph as Mermaid.</summary>
internal static class PlanWriter
{
    public static IEnumerable<string> GetLines(IReadOnlyList<ExecutableTarget> plan, string graphPath)
    {
        var rows = plan.Select((target, index) => new[]
        {
            $"{index + 1}.".PadLeft(plan.Count.ToString().Length + 1),
            target.Name,
            target.Status == ExecutionStatus.Skipped ? $"(skipped: {target.SkipReason})" : "",
        });
        return TextTable.Render(rows.ToList())
            .Prepend("Execution plan:")
            .Append($"Mermaid graph: {graphPath}");
    }

    /// <summary>Edges point in execution order: solid for DependsOn, dotted and labelled for Triggers and After/Before.</summary>
    public static string GetMermaid(IReadOnlyList<ExecutableTarget> plan)
    {
        var lines = new List<string> { "graph TD" };
        lines.AddRange(plan.Select(target => $"  {target.Name}"));
        foreach (var target in plan)
        {
            lines.AddRange(target.ExecutionDependencies.Where(plan.Contains).Select(dependency => $"  {dependency.Name} --> {target.Name}"));
            lines.AddRange(target.TriggerDependencies.Where(plan.Contains).Select(trigger => $"  {trigger.Name} -.->|triggers| {target.Name}"));
            lines.AddRange(target.OrderDependencies.Where(plan.Contains).Select(earlier => $"  {earlier.Name} -.->|before| {target.Name}"));
        }
        var skipped = plan.Where(target => target.Status == ExecutionStatus.Skipped).Select(target => target.Name).ToList();
        if (skipped.Count > 0)
        {
            lines.Add("  classDef skipped stroke-dasharray: 5 5");
            lines.Add($"  class {string.Join(",", skipped)} skipped");
        }
        return string.Join("\n", lines) + "\n";
    }
}
