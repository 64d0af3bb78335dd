using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Slipway.Compose.Reading;

/// <summary>Reads typed values out of one file's nodes, interpolating scalars and locating every error.</summary>
internal sealed class ValueReader(string file, string baseDirectory, Interpolator interpolator, ICollection<string> warnings)
{
    public string File => file;

    public string BaseDirectory => baseDirectory;

    public Place PlaceOf(YamlNode node, string path) => Place.Of(file, node, path);

    public ComposeFileException Error(YamlNode node, string path, string problem) => PlaceOf(node, path).Error(problem);

    /// <summary>The interpolated text of a scalar, or null when the value is empty ("not set").</summary>
    public string? Text(YamlNode node, string path)
    {
        if (NodeKindNames.IsNull(node))
            return null;
        if (node is not YamlScalarNode scalar)
            throw Error(node, path, $"expected a scalar, got {NodeKindNames.Of(node)}");
        return interpolator.Expand(scalar.Value ?? "", PlaceOf(node, path), Warn);
    }

    public string RequiredText(YamlNode node, string path) =>
        Text(node, path) is { Length: > 0 } text ? text : throw Error(node, path, "expected a value, got an empty one");

    public int? Int(YamlNode node, string path, int min, string what)
    {
        if (Text(node, path) is not { } text)
            return null;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
            ? value
            : throw Error(node, path, $"invalid {what} '{text}' (expected a whole number of at least {min})");
    }

    public bool? Bool(YamlNode node, string path) => Text(node, path) switch
    {
        null => null,
        "true" or "True" or "TRUE" => true,
        "false" or "False" or "FALSE" => false,
        var text => throw Error(node, path, $"invalid boolean '{text}' (expected true or false)"),
    };

    public TimeSpan? Duration(YamlNode node, string path)
    {
        if (Text(node, path) is not { } text)
            return null;
        return ComposeDuration.TryParse(text, out var duration)
            ? duration
            : throw Error(node, path, $"invalid duration '{text}' (use compose's format, e.g. 500ms, 10s, 1m30s, 1h)");
    }

    /// <summary>A command line: a string split like a shell would, or a list of arguments.</summary>
    public IReadOnlyList<string>? Words(YamlNode node, string path)
    {
        if (node is YamlSequenceNode)
            return Items(node, path).Select(item => Text(item.Node, item.Path) ?? "").ToArray();
        if (Text(node, path) is not { } text)
            return null;
        return ShellWords.TrySplit(text, out var words, out var error) ? words : throw Error(node, path, error);
    }

    public IEnumerable<(YamlNode Node, string Path)> Items(YamlNode node, string path)
    {
        if (NodeKindNames.IsNull(node))
            return [];
        if (node is not YamlSequenceNode sequence)
            throw Error(node, path, $"expected a sequence, got {NodeKindNames.Of(node)}");
        return sequence.Children.Select((item, index) => (item, KeyPaths.Join(path, index)));
    }

    /// <summary>The entries of a mapping (an empty value reads as no entries), extension keys (x-) included.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value, string Path)> Entries(YamlNode node, string path)
    {
        if (NodeKindNames.IsNull(node))
            return [];
        if (node is not YamlMappingNode mapping)
            throw Error(node, path, $"expected a mapping, got {NodeKindNames.Of(node)}");
        return mapping.Children.Select(entry =>
        {
            var key = Key(entry.Key, path);
            return (key, entry.Key, entry.Value, KeyPaths.Join(path, key));
        });
    }

    /// <summary>A map of KEY: value, or a list of KEY=VALUE; a bare key (or empty value) reads as null.</summary>
    public IEnumerable<(string Key, string? Value, Place Place)> KeyValues(YamlNode node, string path)
    {
        if (node is YamlSequenceNode)
            return Items(node, path).Select(item => SplitKeyValue(item.Node, item.Path));
        return Entries(node, path).Select(entry => (entry.Key, Text(entry.Value, entry.Path), PlaceOf(entry.KeyNode, entry.Path)));
    }

    /// <summary>Calls <paramref name="read"/> for each key of a mapping with a fixed set of keys, skipping extensions (x-).</summary>
    public void ReadKeys(YamlNode node, string path, Action<string, YamlNode, string> read)
    {
        foreach (var (key, _, value, valuePath) in Entries(node, path))
        {
            if (!key.StartsWith("x-", StringComparison.Ordinal))
                read(key, value, valuePath);
        }
    }

    /// <summary>A key the subset allows but no reader handles: the subset file and the loader have drifted.</summary>
    public ComposeFileException Unread(YamlNode node, string path) =>
        Error(node, path, "key is in supported-subset.yml but the loader does not read it (teach the loader, or remove it from the subset)");

    public void Warn(string warning) => warnings.Add(warning);

    public bool TryGetVariable(string name, out string value) => interpolator.TryGet(name, out value);

    private (string Key, string? Value, Place Place) SplitKeyValue(YamlNode node, string path)
    {
        var text = RequiredText(node, path);
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        var key = equals < 0 ? text : text[..equals];
        if (key.Length == 0)
            throw Error(node, path, $"invalid entry '{text}' (expected KEY=VALUE)");
        return (key, equals < 0 ? null : text[(equals + 1)..], PlaceOf(node, path));
    }

    private string Key(YamlNode key, string path) =>
        key is YamlScalarNode { Value: { } value } ? value : throw Error(key, path, "keys must be plain strings");
}
