namespace Slipway.Forge.Workflows;

/// <summary>A workflow declaration is wrong or a committed workflow is stale; one line per problem, each naming the fix.</summary>
public sealed class WorkflowException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
