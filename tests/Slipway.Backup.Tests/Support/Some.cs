using Slipway.Backup.Restic;
using Slipway.Secrets;

namespace Slipway.Backup.Tests.Support;

/// <summary>Values a test needs but does not care about.</summary>
public static class Some
{
    public static string Environment() => "t" + Guid.NewGuid().ToString("N")[..8];
    public static SecretValue Password() => new("pw-" + Guid.NewGuid().ToString("N"));
    public const string Commit = "0123456789abcdef0123456789abcdef01234567";

    public static ResticSnapshot Snapshot(string id, DateTimeOffset time, string environment = "prod", BackupKind kind = BackupKind.Daily) =>
        new(id.PadRight(64, '0'), time, "host", [SnapshotTags.Environment(environment), SnapshotTags.Kind(kind)], [$"/{environment}.tar"]);
}
