namespace Slipway.Engine.Logging;

/// <summary>Tells the CI host from the environment; Forgejo also sets GITHUB_ACTIONS, so it is checked first.</summary>
internal static class CiHostDetector
{
    public static CiHost Detect(IReadOnlyDictionary<string, string> environment) =>
        IsSet(environment, "FORGEJO_ACTIONS") ? CiHost.ForgejoActions
        : IsSet(environment, "GITHUB_ACTIONS") ? CiHost.GitHubActions
        : IsSet(environment, "CI") ? CiHost.GenericCi
        : CiHost.Local;

    static bool IsSet(IReadOnlyDictionary<string, string> environment, string name) =>
        environment.TryGetValue(name, out var value) && value.Length > 0;
}
