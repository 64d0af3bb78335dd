using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Secrets;

/// <summary>Reads creation rules from .sops.yaml, the way sops picks the rule for a new file.</summary>
public static class SopsConfig
{
    public const string FileName = ".sops.yaml";

    /// <summary>The nearest .sops.yaml in the file's directory or above it, or null.</summary>
    public static string? Find(string filePath)
    {
        for (var dir = Path.GetDirectoryName(Path.GetFullPath(filePath)); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            var candidate = Path.Combine(dir, FileName);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>The rule for a file from the nearest .sops.yaml; fails when there is none or none matches.</summary>
    public static SopsCreationRule CreationRuleFor(string filePath)
    {
        var config = Find(filePath)
            ?? throw new SecretsException($"no {FileName} found above {filePath}; create one with a creation rule listing age recipients");
        return CreationRuleFor(config, filePath);
    }

    /// <summary>
    /// The first rule whose path_regex matches the file's path relative to the config's directory
    /// (a rule without path_regex matches everything).
    /// </summary>
    public static SopsCreationRule CreationRuleFor(string configPath, string filePath)
    {
        var relative = Path.GetRelativePath(Path.GetDirectoryName(Path.GetFullPath(configPath))!, Path.GetFullPath(filePath))
            .Replace('\\', '/');
        var rules = RulesOf(configPath);
        for (var i = 0; i < rules.Count; i++)
        {
            var regex = Scalar(rules[i], "path_regex");
            if (regex is not null && !System.Text.RegularExpressions.Regex.IsMatch(relative, regex)) continue;
            var rule = ToRule(configPath, i, rules[i]);
            rule.Validate($"{configPath} creation_rules/{i}");
            return rule;
        }
        throw new SecretsException($"{configPath}: no creation rule matches {relative}; add a rule whose path_regex matches it");
    }

    private static List<YamlMappingNode> RulesOf(string configPath)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(configPath);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new SecretsException($"{configPath}:{ex.Start.Line}:{ex.Start.Column}: malformed YAML: {ex.Message.ReplaceLineEndings(" ")}; fix the syntax");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("creation_rules"), out var rules))
            throw new SecretsException($"{configPath}: no creation_rules; add creation_rules with a path_regex and age recipients");
        if (rules is not YamlSequenceNode list || list.Children.Any(r => r is not YamlMappingNode))
            throw new SecretsException($"{configPath}:{rules.Start.Line}:{rules.Start.Column} creation_rules: should be a list of mappings");
        return list.Children.Cast<YamlMappingNode>().ToList();
    }

    private static SopsCreationRule ToRule(string configPath, int index, YamlMappingNode rule)
    {
        var where = $"{configPath}:{rule.Start.Line}:{rule.Start.Column} creation_rules/{index}";
        var groups = rule.Children.TryGetValue(new YamlScalarNode("key_groups"), out var g) ? g as YamlSequenceNode : null;
        if (groups is { Children.Count: > 1 })
            throw new SecretsException($"{where}/key_groups: several key groups (Shamir) are not supported; list age recipients in one group");
        var source = groups is { Children.Count: 1 } && groups.Children[0] is YamlMappingNode group ? group : rule;
        return new SopsCreationRule(Recipients(where, source))
        {
            PathRegex = Scalar(rule, "path_regex"),
            UnencryptedSuffix = Scalar(rule, "unencrypted_suffix"),
            EncryptedSuffix = Scalar(rule, "encrypted_suffix"),
            UnencryptedRegex = Scalar(rule, "unencrypted_regex"),
            EncryptedRegex = Scalar(rule, "encrypted_regex"),
            UnencryptedCommentRegex = Scalar(rule, "unencrypted_comment_regex"),
            EncryptedCommentRegex = Scalar(rule, "encrypted_comment_regex"),
            MacOnlyEncrypted = Scalar(rule, "mac_only_encrypted") is "true" or "True" or "TRUE",
        };
    }

    // `age:` is a comma-separated string or a list of strings, as in sops.
    private static IEnumerable<string> Recipients(string where, YamlMappingNode node)
    {
        if (!node.Children.TryGetValue(new YamlScalarNode("age"), out var age)) return [];
        return age switch
        {
            YamlScalarNode s => (s.Value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode) =>
                list.Children.Cast<YamlScalarNode>().Select(c => c.Value ?? ""),
            _ => throw new SecretsException($"{where}/age: should be a string or a list of strings"),
        };
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode s && !string.IsNullOrEmpty(s.Value)
            ? s.Value
            : null;
}
