using System.Collections;
using System.Linq.Expressions;
using Slipway.Engine.Definition;
using Slipway.Engine.Parameters;

namespace Slipway.Engine.Requirements;

/// <summary>Checks the Requires clauses of every scheduled target before anything runs.</summary>
internal static class RequirementChecker
{
    public static void ValidateRequirements(IEnumerable<ExecutableTarget> plan, IReadOnlyList<ParameterMember> parameters)
    {
        var violations = plan
            .Where(target => target.Status == ExecutionStatus.Scheduled)
            .SelectMany(target => Violations(target, parameters))
            .ToList();
        if (violations.Count > 0)
            throw new BuildUsageException(string.Join(Environment.NewLine, violations));
    }

    static IEnumerable<string> Violations(ExecutableTarget target, IReadOnlyList<ParameterMember> parameters)
    {
        foreach (var requirement in target.Definition.ParameterRequirements.Where(r => IsMissing(r.Compile()())))
            yield return Describe(target, requirement, parameters);
        foreach (var requirement in target.Definition.Requirements)
            if (Check(requirement) is { } problem)
                yield return problem.Length == 0 ? $"Target '{target.Name}' requires '{ExpressionText.Of(requirement)}'" : $"Target '{target.Name}': {problem}";
    }

    /// <summary>Null when met, empty when false; a requirement that throws (a config file that does not parse, say) is not met, and its message says why.</summary>
    static string? Check(Expression<Func<bool>> requirement)
    {
        try { return requirement.Compile()() ? null : ""; }
        catch (Exception exception) { return exception.GetBaseException().Message; }
    }

    static bool IsMissing(object? value) => value switch
    {
        null => true,
        string text => string.IsNullOrWhiteSpace(text),
        ICollection collection => collection.Count == 0,
        _ => false,
    };

    static string Describe(ExecutableTarget target, Expression<Func<object?>> requirement, IReadOnlyList<ParameterMember> parameters)
    {
        var body = requirement.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : requirement.Body;
        var parameter = body is MemberExpression member ? parameters.FirstOrDefault(p => p.MemberName == member.Member.Name) : null;
        return parameter is null
            ? $"Target '{target.Name}' requires '{ExpressionText.Of(requirement)}' to be set"
            : $"Target '{target.Name}' requires parameter '{parameter.Flag}' (set it with {parameter.Flag} <value>, "
                + $"the {parameter.EnvironmentName} environment variable or .nuke/parameters.json)";
    }
}
