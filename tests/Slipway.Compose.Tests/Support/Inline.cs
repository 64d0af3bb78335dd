using Slipway.Compose.Schema;

namespace Slipway.Compose.Tests.Support;

/// <summary>Loads inline compose YAML the way the pipeline loads files.</summary>
internal static class Inline
{
    public const string File = "compose/app.yml";

    public static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    public static ComposeProject Load(string yaml, IReadOnlyDictionary<string, string>? variables = null, string? projectName = "test") =>
        new ComposeLoader().Load([new ComposeSource(File, yaml)], variables ?? NoVariables, projectName);

    public static ComposeProject LoadAll(params ComposeSource[] sources) =>
        new ComposeLoader().Load(sources, NoVariables, "test");

    public static ComposeProject LoadWithSubset(string subsetYaml, string yaml) =>
        new ComposeLoader(ComposeSubset.FromYaml(subsetYaml)).Load([new ComposeSource(File, yaml)], NoVariables, "test");

    public static ComposeFileException Refuse(string yaml, IReadOnlyDictionary<string, string>? variables = null) =>
        Assert.Throws<ComposeFileException>(() => Load(yaml, variables));

    public static ComposeFileException RefuseAll(params ComposeSource[] sources) =>
        Assert.Throws<ComposeFileException>(() => LoadAll(sources));

    /// <summary>Loads a single service "web" with image nginx plus the given keys (written at service level, unindented).</summary>
    public static ServiceSpec Web(string serviceKeys, string topLevel = "", IReadOnlyDictionary<string, string>? variables = null) =>
        Load(WebYaml(serviceKeys, topLevel), variables).Services["web"];

    public static ComposeFileException RefuseWeb(string serviceKeys, string topLevel = "") =>
        Refuse(WebYaml(serviceKeys, topLevel));

    public static string WebYaml(string serviceKeys, string topLevel = "") =>
        "services:\n  web:\n    image: nginx\n" + Indent(serviceKeys, "    ") + topLevel;

    public static Dictionary<string, string> Variables(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(pair => pair.Name, pair => pair.Value);

    private static string Indent(string text, string indent) =>
        string.Concat(text.ReplaceLineEndings("\n").Split('\n').Where(line => line.Length > 0).Select(line => indent + line + "\n"));
}
