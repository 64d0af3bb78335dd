using System.Security.Cryptography;
using System.Text;

namespace Slipway.Tooling;

/// <summary>Generated credentials kept outside the checkout: a random password, written to a file only its owner can read.</summary>
public static class OwnerOnlyFile
{
    const string PasswordAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static string RandomPassword(int length) => RandomNumberGenerator.GetString(PasswordAlphabet, length);

    /// <summary>Creates <paramref name="path"/> (and its folder) with mode 0600 from the start, so the text is never readable by
    /// others, not even for a moment; an existing file is an error, never overwritten.</summary>
    public static async Task CreateAsync(string path, string text, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var stream = new FileStream(path, options);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
    }
}
