namespace Slipway.Forge.Workflows;

/// <summary>Generates every declared workflow: file name to YAML text, validated first, the same bytes on every run.</summary>
public static class WorkflowGenerator
{
    /// <summary>Reads the attributes of the build class and generates its workflows; throws <see cref="WorkflowException"/> on a bad declaration.</summary>
    public static IReadOnlyDictionary<string, string> Generate(Type buildType, BuildSurface build) =>
        Generate(WorkflowDeclaration.Read(buildType), build);

    public static IReadOnlyDictionary<string, string> Generate(WorkflowDeclaration declaration, BuildSurface build)
    {
        WorkflowValidator.ThrowIfInvalid(declaration, build);
        return new SortedDictionary<string, string>(
            declaration.Workflows.ToDictionary(w => w.FileName, w => WorkflowRenderer.Render(w, build, declaration.RunnerLabels)),
            StringComparer.Ordinal);
    }
}
