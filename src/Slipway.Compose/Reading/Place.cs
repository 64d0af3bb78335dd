using YamlDotNet.RepresentationModel;

namespace Slipway.Compose.Reading;

/// <summary>Where a value came from: file, line, column and key path.</summary>
internal readonly record struct Place(string File, int Line, int Column, string KeyPath)
{
    public static Place Of(string file, YamlNode node, string keyPath) =>
        new(file, checked((int)node.Start.Line), checked((int)node.Start.Column), keyPath);

    public ComposeFileException Error(string problem) => new(File, Line, Column, KeyPath, problem);

    public string Describe(string message) =>
        KeyPath.Length > 0 ? $"{File}:{Line}:{Column} {KeyPath}: {message}" : $"{File}:{Line}:{Column}: {message}";
}

/// <summary>A value with the place it was declared, for errors found only after merging.</summary>
internal readonly record struct Placed<T>(T Value, Place Place);

internal static class KeyPaths
{
    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}/{key}";

    public static string Join(string path, int index) => Join(path, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
