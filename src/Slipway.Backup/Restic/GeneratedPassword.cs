using System.Security.Cryptography;
using System.Text;
using Serilog;

namespace Slipway.Backup.Restic;

/// <summary>The password of the default local repository when neither a parameter nor the secrets file gives one: generated once,
/// kept in a 0600 file outside the checkout, so a fresh clone backs up without anyone's key and nothing is committed.</summary>
public static class GeneratedPassword
{
    public static string ReadOrCreate(string path)
    {
        if (File.Exists(path)) return File.ReadAllText(path).Trim();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var password = RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 40);
        // Created with mode 0600, so the password is never readable by others, not even for a moment.
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(path, options)) stream.Write(Encoding.UTF8.GetBytes(password + "\n"));
        Log.Warning("Generated a password for the local backup repository, kept in {Path} (not in git); without it the backups cannot be read: " +
            "keep a copy, or set backup_password in the secrets file", path);
        return password;
    }
}
