namespace Slipway.Deploy;

/// <summary>The environments a repository declares: one compose/&lt;env&gt;.yml each, on top of compose/compose.yml.</summary>
public sealed class EnvironmentCatalog(string composeDirectory)
{
    static readonly string[] NotEnvironments = ["compose", "infra"];

    public string BaseFile => Path.Combine(composeDirectory, "compose.yml");
    public string FileOf(string environment) => Path.Combine(composeDirectory, $"{environment}.yml");

    public IReadOnlyList<string> Names => Directory.Exists(composeDirectory)
        ? Directory.EnumerateFiles(composeDirectory, "*.yml").Select(Path.GetFileNameWithoutExtension).OfType<string>()
            .Where(n => !NotEnvironments.Contains(n)).Order(StringComparer.Ordinal).ToList()
        : [];

    /// <summary>Throws one line naming the valid environments when <paramref name="environment"/> is not one.</summary>
    public string Require(string? environment)
    {
        if (string.IsNullOrWhiteSpace(environment))
            throw new ArgumentException($"no environment given; pass --env with one of: {string.Join(", ", Names)}");
        if (!Names.Contains(environment))
            throw new ArgumentException($"unknown environment '{environment}'; valid: {string.Join(", ", Names)} (one {composeDirectory}/<env>.yml each)");
        return environment;
    }
}
