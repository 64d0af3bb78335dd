using YamlDotNet.RepresentationModel;
using Slipway.Compose.Reading;

namespace Slipway.Compose.Schema;

/// <summary>Checks a compose file against the subset: only documented keys, each in a documented node kind.</summary>
internal sealed class SubsetValidator(ComposeSubset subset)
{
    public void Validate(string file, YamlMappingNode root) => Check(file, root, subset.Root, "");

    private static void Check(string file, YamlNode node, SubsetNode schema, string path)
    {
        if (NodeKindNames.IsNull(node))
            return;
        var kind = KindOf(node);
        if (!schema.Kinds.HasFlag(kind) || schema.Kinds == NodeKinds.None)
            throw Place.Of(file, node, path).Error($"expected {Describe(schema.Kinds)}, got {NodeKindNames.Of(node)}");
        if (node is YamlSequenceNode sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
                Check(file, sequence.Children[i], schema.Items!, KeyPaths.Join(path, i));
        }
        else if (node is YamlMappingNode mapping)
        {
            foreach (var (key, value) in mapping.Children)
                CheckEntry(file, key, value, schema, path);
        }
    }

    private static void CheckEntry(string file, YamlNode keyNode, YamlNode value, SubsetNode schema, string path)
    {
        if (keyNode is not YamlScalarNode { Value: { } key })
            throw Place.Of(file, keyNode, path).Error("keys must be plain strings");
        if (schema.IsNameKeyed)
        {
            Check(file, value, schema.Entries ?? new SubsetNode(schema.Pattern + "/*", false, 0), KeyPaths.Join(path, key));
            return;
        }
        if (key.StartsWith("x-", StringComparison.Ordinal))
            return;
        if (!schema.FixedKeys.TryGetValue(key, out var child))
            throw Place.Of(file, keyNode, path).Error($"unsupported key '{key}' (supported: {string.Join(", ", schema.FixedKeys.Keys)})");
        Check(file, value, child, KeyPaths.Join(path, key));
    }

    private static NodeKinds KindOf(YamlNode node) => node switch
    {
        YamlSequenceNode => NodeKinds.Sequence,
        YamlMappingNode => NodeKinds.Mapping,
        _ => NodeKinds.Scalar,
    };

    private static string Describe(NodeKinds kinds)
    {
        var names = new[] { NodeKinds.Scalar, NodeKinds.Sequence, NodeKinds.Mapping }
            .Where(kind => kinds.HasFlag(kind))
            .Select(kind => kind == NodeKinds.Mapping ? "a mapping" : $"a {kind.ToString().ToLowerInvariant()}")
            .ToArray();
        return names.Length == 0 ? "an empty value" : string.Join(" or ", names);
    }
}
