using System.Reflection;

namespace Slipway.Engine.Parameters;

/// <summary>One [Parameter] field or property of a build, with its names and the default it had after construction.</summary>
internal sealed class ParameterMember
{
    const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;

    readonly MemberInfo _member;

    ParameterMember(MemberInfo member, ParameterAttribute? attribute, object build)
    {
        _member = member;
        Type = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
        Flag = "--" + (attribute?.Name ?? ParameterNames.ToKebabCase(member.Name));
        Description = attribute?.Description;
        IsSecret = member.IsDefined(typeof(SecretAttribute));
        DefaultValue = GetValue(build);
    }

    public string MemberName => _member.Name;
    /// <summary>The command-line form, e.g. "--registry-url".</summary>
    public string Flag { get; }
    public string EnvironmentName => ParameterNames.ToScreamingSnakeCase(Flag[2..]);
    public string NormalizedName => ParameterNames.Normalize(Flag);
    public Type Type { get; }
    public string? Description { get; }
    public bool IsSecret { get; }
    public object? DefaultValue { get; }

    /// <summary>Parameters in declaration order, base classes first; [Secret] alone also makes a parameter.</summary>
    public static IReadOnlyList<ParameterMember> Discover(object build)
    {
        var parameters = Hierarchy(build.GetType())
            .SelectMany(type => type.GetMembers(Members).OrderBy(member => member.MetadataToken))
            .Where(member => member is FieldInfo or PropertyInfo && !member.Name.Contains('<'))
            .Where(member => member.IsDefined(typeof(ParameterAttribute)) || member.IsDefined(typeof(SecretAttribute)))
            .Select(member => new ParameterMember(member, member.GetCustomAttribute<ParameterAttribute>(), build))
            .ToList();
        if (parameters.GroupBy(p => p.NormalizedName).FirstOrDefault(group => group.Count() > 1) is { } clash)
            throw new BuildUsageException(
                $"Parameters {string.Join(" and ", clash.Select(p => p.MemberName))} share the name '{clash.First().Flag}'; rename one or set [Parameter(Name = ...)]");
        return parameters;
    }

    public bool IsNamed(string name) =>
        ParameterNames.Normalize(name) == NormalizedName || ParameterNames.Normalize(name) == ParameterNames.Normalize(MemberName);

    public object? GetValue(object build) => _member switch
    {
        FieldInfo field => field.GetValue(build),
        PropertyInfo property => property.GetValue(build),
        _ => null,
    };

    public void SetValue(object build, object? value)
    {
        if (_member is FieldInfo field)
            field.SetValue(build, value);
        else if (_member is PropertyInfo { CanWrite: true } property)
            property.SetValue(build, value);
        else
            BackingField().SetValue(build, value);
    }

    FieldInfo BackingField() =>
        _member.DeclaringType!.GetField($"<{_member.Name}>k__BackingField", Members)
        ?? throw new BuildUsageException($"Parameter property {_member.Name} has no setter; make it an auto-property or a field");

    static IEnumerable<Type> Hierarchy(Type type) =>
        type == typeof(BuildBase) || type.BaseType is null ? [] : Hierarchy(type.BaseType).Append(type);
}
