using YamlDotNet.RepresentationModel;

namespace Slipway.Compose.Reading;

/// <summary>Names node kinds the way errors say them ("a sequence", "a scalar or a mapping").</summary>
internal static class NodeKindNames
{
    public static string Of(YamlNode node) => node switch
    {
        YamlScalarNode => "a scalar",
        YamlSequenceNode => "a sequence",
        YamlMappingNode => "a mapping",
        _ => "an alias",
    };

    /// <summary>A plain empty value, ~ or null: compose's "not set".</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
