using Serilog;
using Slipway.Tooling;

namespace Slipway.Backup.Restic;

/// <summary>The password of the default local repository when neither a parameter nor the secrets file gives one: generated once,
/// kept in a 0600 file outside the checkout, so a fresh clone backs up without anyone's key and nothing is committed.</summary>
public static class GeneratedPassword
{
    public static async Task<string> ReadOrCreateAsync(string path, CancellationToken ct = default)
    {
        if (File.Exists(path)) return (await File.ReadAllTextAsync(path, ct)).Trim();
        var password = OwnerOnlyFile.RandomPassword(40);
        await OwnerOnlyFile.CreateAsync(path, password + "\n", ct);
        Log.Warning("Generated a password for the local backup repository, kept in {Path} (not in git); without it the backups cannot be read: " +
            "keep a copy, or set backup_password in the secrets file", path);
        return password;
    }
}
