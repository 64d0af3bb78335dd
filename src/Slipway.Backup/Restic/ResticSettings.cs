using System.Text.RegularExpressions;
using Slipway.Secrets;

namespace Slipway.Backup.Restic;

/// <summary>Where the restic repository is (a folder or any restic URL) and its password, which only ever reaches restic through its environment.</summary>
public sealed partial record ResticSettings(string Repository, SecretValue Password)
{
    public string Executable { get; init; } = "restic";

    /// <summary>The repository as it may be logged: a password in a URL's user info is replaced.</summary>
    public string DisplayName => UserInfoPassword().Replace(Repository, "${user}:***@");

    /// <summary>A repository on a local file system gains nothing from restic's cache, so it is turned off there.</summary>
    public bool IsLocal => Repository.StartsWith("local:", StringComparison.Ordinal) || !RemoteScheme().IsMatch(Repository);

    public override string ToString() => DisplayName;

    [GeneratedRegex(@"(?<=//)(?<user>[^/:@]+):[^/@]+@")]
    private static partial Regex UserInfoPassword();

    [GeneratedRegex(@"^(sftp|rest|s3|b2|azure|gs|swift|rclone):")]
    private static partial Regex RemoteScheme();
}
