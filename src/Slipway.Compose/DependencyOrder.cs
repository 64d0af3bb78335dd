namespace Slipway.Compose;

/// <summary>Orders services so each starts after the services it depends on.</summary>
public static class DependencyOrder
{
    /// <summary>Services in start order: dependencies first, otherwise in declaration order.</summary>
    public static IReadOnlyList<ServiceSpec> Resolve(ComposeProject project)
    {
        var order = Sort(project.Services.Keys.ToArray(), name => project.Services[name].DependsOn.Keys, out var cycle);
        if (order is null)
            throw new ComposeFileException(project.SourceFiles.FirstOrDefault() ?? "", 0, 0, $"services/{cycle[0]}/depends_on", CycleProblem(cycle));
        return order.Select(name => project.Services[name]).ToArray();
    }

    internal static string CycleProblem(IReadOnlyList<string> cycle) =>
        $"dependency cycle {string.Join(" -> ", cycle)} (remove one of these depends_on entries)";

    /// <summary>Depth-first topological sort; on a cycle returns null and the cycle, first name repeated at the end.</summary>
    internal static IReadOnlyList<string>? Sort(IReadOnlyList<string> names, Func<string, IEnumerable<string>> dependencies, out IReadOnlyList<string> cycle)
    {
        var known = names.ToHashSet(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var visiting = new List<string>();
        var order = new List<string>();
        cycle = [];
        foreach (var name in names)
        {
            if (Visit(name) is { } found)
            {
                cycle = found;
                return null;
            }
        }
        return order;

        IReadOnlyList<string>? Visit(string name)
        {
            if (done.Contains(name) || !known.Contains(name))
                return null;
            if (visiting.IndexOf(name) is var start and >= 0)
                return [.. visiting.Skip(start), name];
            visiting.Add(name);
            foreach (var dependency in dependencies(name))
            {
                if (Visit(dependency) is { } found)
                    return found;
            }
            visiting.RemoveAt(visiting.Count - 1);
            done.Add(name);
            order.Add(name);
            return null;
        }
    }
}
