using System.Reflection;
using System.Text;
using Slipway.Engine;

namespace Slipway.Forge.Workflows;

/// <summary>What a workflow may name: the build's targets and its parameters (flags as on the command line).</summary>
public sealed class BuildSurface(IEnumerable<string> targets, IEnumerable<BuildParameter> parameters)
{
    const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;

    public IReadOnlyList<string> Targets { get; } = targets.Order(StringComparer.Ordinal).ToList();
    public IReadOnlyList<BuildParameter> Parameters { get; } = parameters.OrderBy(p => p.Flag, StringComparer.Ordinal).ToList();

    /// <summary>Parameters are matched as the engine matches them: ignoring case, '-' and '_'.</summary>
    public BuildParameter? FindParameter(string name) =>
        Parameters.FirstOrDefault(parameter => Normalize(parameter.Flag) == Normalize(name));

    public bool HasTarget(string name) => Targets.Contains(name, StringComparer.Ordinal);

    /// <summary>Reads the Target properties and [Parameter]/[Secret] members of a build class, base classes included.</summary>
    public static BuildSurface Of(Type buildType)
    {
        var members = Hierarchy(buildType).SelectMany(type => type.GetMembers(Members | BindingFlags.DeclaredOnly)).ToList();
        var targets = members.OfType<PropertyInfo>().Where(property => property.PropertyType == typeof(Target)).Select(property => property.Name);
        var parameters = members
            .Where(member => member is FieldInfo or PropertyInfo && !member.Name.Contains('<'))
            .Where(member => member.IsDefined(typeof(ParameterAttribute)) || member.IsDefined(typeof(SecretAttribute)))
            .Select(member => new BuildParameter(
                "--" + (member.GetCustomAttribute<ParameterAttribute>()?.Name ?? ToKebabCase(member.Name)),
                member.GetCustomAttribute<ParameterAttribute>()?.Description,
                member.IsDefined(typeof(SecretAttribute))));
        return new BuildSurface(targets.Distinct(), parameters);
    }

    /// <summary>The engine's rule ("RegistryUrl" is "registry-url", "SSHKey" is "ssh-key"); it keeps its own copy internal.</summary>
    internal static string ToKebabCase(string name)
    {
        var text = name.TrimStart('_');
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '_' or '-')
            {
                builder.Append('-');
                continue;
            }
            var startsWord = i > 0 && (!char.IsUpper(text[i - 1]) || (i + 1 < text.Length && char.IsLower(text[i + 1])));
            if (char.IsUpper(c) && startsWord && builder[^1] != '-')
                builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    static string Normalize(string name) => name.TrimStart('-').Replace("-", "").Replace("_", "").ToLowerInvariant();

    static IEnumerable<Type> Hierarchy(Type type)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
            yield return current;
    }
}

/// <summary>One parameter of the build, e.g. "--env"; secret ones can come only from ImportSecrets.</summary>
public sealed record BuildParameter(string Flag, string? Description = null, bool IsSecret = false);
