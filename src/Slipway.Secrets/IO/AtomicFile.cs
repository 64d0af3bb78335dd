using System.Text;

namespace Slipway.Secrets.IO;

/// <summary>Writes a file through a temp file in the same directory and a rename, so readers never see half of it.</summary>
internal static class AtomicFile
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes text; mode null keeps an existing file's mode (new files get 0644).</summary>
    public static void Write(string path, string text, UnixFileMode? mode)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        // The mode is set at creation so a secret is never readable by others, not even for a moment.
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = mode ?? ExistingMode(full) ?? DefaultMode;
        try
        {
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(new UTF8Encoding(false).GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>Creates a folder only its owner may enter (0700); on Windows a plain folder.</summary>
    public static void CreateOwnerOnlyDirectory(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, OwnerOnly | UnixFileMode.UserExecute);
    }

    private const UnixFileMode DefaultMode = OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static UnixFileMode? ExistingMode(string path) =>
        !OperatingSystem.IsWindows() && File.Exists(path) ? File.GetUnixFileMode(path) : null;
}
