using YamlDotNet.RepresentationModel;
using Slipway.Compose.Reading;

namespace Slipway.Compose.Schema;

/// <summary>The allowed-key tree, derived from a documented example compose file (supported-subset.yml).</summary>
internal sealed class ComposeSubset
{
    public const string ResourceName = "Slipway.Compose.supported-subset.yml";

    // Maps whose keys are names the user chooses; every other map has the fixed keys the subset file shows.
    private static readonly HashSet<string> NameKeyedPatterns =
    [
        "services", "volumes", "networks", "secrets",
        "services/*/environment", "services/*/labels", "services/*/depends_on", "services/*/networks",
        "volumes/*/labels", "networks/*/labels",
    ];

    private static readonly Lazy<ComposeSubset> Builtin = new(() => FromYaml(ReadResource()));

    private ComposeSubset(string text, SubsetNode root)
    {
        Text = text;
        Root = root;
    }

    /// <summary>The subset embedded in this assembly.</summary>
    public static ComposeSubset Default => Builtin.Value;

    /// <summary>The documented subset file itself.</summary>
    public string Text { get; }

    public SubsetNode Root { get; }

    public static ComposeSubset FromYaml(string text)
    {
        var document = YamlDocumentReader.ReadRoot(new ComposeSource("supported-subset.yml", text));
        var root = new SubsetNode("", isNameKeyed: false, line: 1);
        Absorb(document, root);
        return new ComposeSubset(text, root);
    }

    private static void Absorb(YamlNode node, SubsetNode schema)
    {
        switch (node)
        {
            case var _ when NodeKindNames.IsNull(node):
                return;
            case YamlScalarNode:
                schema.Kinds |= NodeKinds.Scalar;
                return;
            case YamlSequenceNode sequence:
                schema.Kinds |= NodeKinds.Sequence;
                foreach (var item in sequence.Children)
                    Absorb(item, schema.Items ??= Child(schema, "[]", item));
                return;
            case YamlMappingNode mapping:
                schema.Kinds |= NodeKinds.Mapping;
                foreach (var (key, value) in mapping.Children)
                    AbsorbEntry(schema, ((YamlScalarNode)key).Value ?? "", key, value);
                return;
        }
    }

    private static void AbsorbEntry(SubsetNode schema, string key, YamlNode keyNode, YamlNode value)
    {
        if (schema.IsNameKeyed)
            Absorb(value, schema.Entries ??= Child(schema, "*", keyNode));
        else if (!key.StartsWith("x-", StringComparison.Ordinal))
            Absorb(value, schema.FixedKeys.TryGetValue(key, out var child) ? child : schema.FixedKeys[key] = Child(schema, key, keyNode));
    }

    private static SubsetNode Child(SubsetNode parent, string step, YamlNode node)
    {
        var pattern = KeyPaths.Join(parent.Pattern, step);
        return new SubsetNode(pattern, NameKeyedPatterns.Contains(pattern), (int)node.Start.Line);
    }

    private static string ReadResource()
    {
        using var stream = typeof(ComposeSubset).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from Slipway.Compose");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
