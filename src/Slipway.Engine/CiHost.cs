namespace Slipway.Engine;

/// <summary>Where the build runs, detected from the FORGEJO_ACTIONS, GITHUB_ACTIONS and CI variables.</summary>
public enum CiHost
{
    Local,
    GitHubActions,
    ForgejoActions,
    GenericCi,
}
