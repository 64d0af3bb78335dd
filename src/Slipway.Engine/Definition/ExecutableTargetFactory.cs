using System.Reflection;

namespace Slipway.Engine.Definition;

/// <summary>Finds the Target properties of a build and resolves their definitions against each other.</summary>
internal static class ExecutableTargetFactory
{
    const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<ExecutableTarget> Create(object build, string defaultTargetName) =>
        Create(Discover(build), defaultTargetName);

    public static IReadOnlyList<ExecutableTarget> Create(IReadOnlyList<(string Name, Target Target)> declared, string? defaultTargetName)
    {
        var targets = new List<ExecutableTarget>();
        var byDelegate = new Dictionary<Target, ExecutableTarget>();
        foreach (var (name, target) in declared)
        {
            var definition = new TargetDefinition();
            target(definition);
            var executable = new ExecutableTarget(name, definition, name == defaultTargetName);
            targets.Add(executable);
            byDelegate[target] = executable;
        }
        foreach (var target in targets)
            Link(target, candidate => Resolve(byDelegate, candidate, target));
        return targets;
    }

    /// <summary>Target properties in declaration order: base classes first, then interfaces' default implementations.</summary>
    public static IReadOnlyList<(string Name, Target Target)> Discover(object build)
    {
        var properties = ClassHierarchy(build.GetType())
            .SelectMany(type => type.GetProperties(Members).OrderBy(property => property.MetadataToken))
            .Where(property => !property.Name.Contains('.'))
            .ToList();
        var names = properties.Select(property => property.Name).ToHashSet();
        var inherited = build.GetType().GetInterfaces()
            .SelectMany(type => type.GetProperties(Members).OrderBy(property => property.MetadataToken))
            .Where(property => names.Add(property.Name));
        return properties.Concat(inherited)
            .Where(property => property.PropertyType == typeof(Target) && property.GetIndexParameters().Length == 0)
            .DistinctBy(property => property.Name)
            .Select(property => (property.Name, (Target)property.GetValue(build)!))
            .ToList();
    }

    static IEnumerable<Type> ClassHierarchy(Type type) =>
        type == typeof(BuildBase) || type.BaseType is null
            ? []
            : ClassHierarchy(type.BaseType).Append(type);

    static void Link(ExecutableTarget target, Func<Target, ExecutableTarget> resolve)
    {
        var definition = target.Definition;
        foreach (var dependency in definition.Dependencies.Select(resolve))
            AddOnce(target.ExecutionDependencies, dependency);
        foreach (var dependent in definition.Dependents.Select(resolve))
            AddOnce(dependent.ExecutionDependencies, target);
        foreach (var earlier in definition.RunsAfter.Select(resolve))
            AddOnce(target.OrderDependencies, earlier);
        foreach (var later in definition.RunsBefore.Select(resolve))
            AddOnce(later.OrderDependencies, target);
        foreach (var triggered in definition.Triggered.Select(resolve))
            LinkTrigger(target, triggered);
        foreach (var trigger in definition.Triggering.Select(resolve))
            LinkTrigger(trigger, target);
    }

    static void LinkTrigger(ExecutableTarget trigger, ExecutableTarget triggered)
    {
        AddOnce(trigger.Triggers, triggered);
        AddOnce(triggered.TriggerDependencies, trigger);
    }

    static void AddOnce(List<ExecutableTarget> list, ExecutableTarget target)
    {
        if (!list.Contains(target))
            list.Add(target);
    }

    static ExecutableTarget Resolve(Dictionary<Target, ExecutableTarget> byDelegate, Target candidate, ExecutableTarget owner) =>
        byDelegate.TryGetValue(candidate, out var resolved)
            ? resolved
            : throw new BuildUsageException(
                $"Target '{owner.Name}' refers to a target that is not a Target property of this build; pass the property itself, e.g. DependsOn(Compile)");
}
