using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Compose.Reading;

/// <summary>Applies YAML merge keys (<c>&lt;&lt;: *defaults</c>) in place, as compose does; keys written beside them win.</summary>
internal static class MergeKeyExpander
{
    public static void Expand(string file, YamlNode root) =>
        Expand(file, root, "", new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));

    private static void Expand(string file, YamlNode node, string path, HashSet<YamlNode> done)
    {
        if (!done.Add(node))
            return;
        if (node is YamlSequenceNode sequence)
        {
            for (var i = 0; i < sequence.Children.Count; i++)
                Expand(file, sequence.Children[i], KeyPaths.Join(path, i), done);
        }
        else if (node is YamlMappingNode mapping)
        {
            ApplyMergeKey(file, mapping, path, done);
            foreach (var (key, value) in mapping.Children)
                Expand(file, value, KeyPaths.Join(path, (key as YamlScalarNode)?.Value ?? "?"), done);
        }
    }

    private static void ApplyMergeKey(string file, YamlMappingNode mapping, string path, HashSet<YamlNode> done)
    {
        var mergeKey = mapping.Children.Keys.FirstOrDefault(key => key is YamlScalarNode { Value: "<<", Style: ScalarStyle.Plain });
        if (mergeKey is null)
            return;
        var merged = mapping.Children[mergeKey];
        mapping.Children.Remove(mergeKey);
        // In a list of sources the earlier ones win, like keys written beside the merge key.
        foreach (var source in Sources(file, merged, path))
        {
            Expand(file, source, path, done);
            foreach (var (key, value) in source.Children)
                mapping.Children.TryAdd(key, value);
        }
    }

    private static IEnumerable<YamlMappingNode> Sources(string file, YamlNode merged, string path) => merged switch
    {
        YamlMappingNode single => [single],
        YamlSequenceNode { Children: var items } when items.All(item => item is YamlMappingNode) => items.Cast<YamlMappingNode>(),
        _ => throw Place.Of(file, merged, KeyPaths.Join(path, "<<")).Error("a merge key '<<' takes a mapping or a list of mappings (e.g. <<: *defaults)"),
    };
}
