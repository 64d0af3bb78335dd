namespace Slipway.Compose;

/// <summary>Compose YAML already in memory, named by the path it came from (used in errors and for relative paths).</summary>
public sealed record ComposeSource(string Path, string Text)
{
    /// <summary>Reads a compose file from disk, keeping the path as given for error messages.</summary>
    public static ComposeSource FromFile(string path)
    {
        if (!System.IO.File.Exists(path))
            throw new ComposeFileException(path, 0, 0, "", "file not found (check the compose file paths given to the pipeline)");
        return new ComposeSource(path, System.IO.File.ReadAllText(path));
    }
}
