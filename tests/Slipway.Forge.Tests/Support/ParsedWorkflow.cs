using YamlDotNet.RepresentationModel;

namespace Slipway.Forge.Tests.Support;

/// <summary>A generated workflow read back with YamlDotNet, with short paths into its tree.</summary>
sealed class ParsedWorkflow
{
    public ParsedWorkflow(string file, string text)
    {
        File = file;
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Root = (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public string File { get; }
    public YamlMappingNode Root { get; }

    public YamlMappingNode On => Map(Root, "on");
    public IEnumerable<YamlMappingNode> Jobs => Map(Root, "jobs").Children.Values.Cast<YamlMappingNode>();

    public static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];
    public static YamlSequenceNode Seq(YamlMappingNode node, string key) => (YamlSequenceNode)node.Children[new YamlScalarNode(key)];
    public static string? Text(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;
    public static bool Has(YamlMappingNode node, string key) => node.Children.ContainsKey(new YamlScalarNode(key));
    public static IEnumerable<string> Strings(YamlSequenceNode node) => node.Children.Cast<YamlScalarNode>().Select(s => s.Value!);
}
