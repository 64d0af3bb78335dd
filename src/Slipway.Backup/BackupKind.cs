namespace Slipway.Backup;

/// <summary>Why a snapshot was taken; stored as its kind= tag.</summary>
public enum BackupKind { Daily, Weekly, Monthly, PreDeploy }

/// <summary>The kind names as restic tags and the command line spell them (daily, weekly, monthly, pre-deploy).</summary>
public static class BackupKinds
{
    public static string Name(this BackupKind kind) => kind == BackupKind.PreDeploy ? "pre-deploy" : kind.ToString().ToLowerInvariant();

    public static BackupKind Parse(string text)
    {
        foreach (var kind in Enum.GetValues<BackupKind>())
            if (kind.Name() == text.Trim().ToLowerInvariant()) return kind;
        throw new BackupException($"unknown backup kind '{text}'; use one of {string.Join(", ", Enum.GetValues<BackupKind>().Select(Name))}");
    }
}
