namespace Slipway.Engine;

/// <summary>A normalised absolute file-system path that composes with <c>/</c>.</summary>
public sealed record AbsolutePath
{
    readonly string _path;

    AbsolutePath(string path) => _path = path;

    public string Name => Path.GetFileName(_path);

    public AbsolutePath? Parent =>
        Path.GetDirectoryName(_path) is { } parent ? new AbsolutePath(parent) : null;

    public bool Exists() => File.Exists(_path) || Directory.Exists(_path);

    public static explicit operator AbsolutePath(string path)
    {
        if (!Path.IsPathRooted(path))
            throw new ArgumentException($"Path '{path}' is not absolute; combine it with RootDirectory / \"{path}\"", nameof(path));
        return new AbsolutePath(Normalize(path));
    }

    public static implicit operator string(AbsolutePath path) => path._path;

    public static AbsolutePath operator /(AbsolutePath left, string right) =>
        new(Normalize(Path.Combine(left._path, right)));

    public override string ToString() => _path;

    static string Normalize(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full);
        return full.Length > root?.Length ? Path.TrimEndingDirectorySeparator(full) : full;
    }
}
