using Slipway.Forge.Reporting;

namespace Slipway.Forge.Api;

/// <summary>Connects to the forge of a CI run: Forgejo's API or GitHub's, with the token from the environment.</summary>
public static class ForgeConnection
{
    /// <summary>The forge, or null and the reason it cannot be reached (no token, not a CI run); never throws.</summary>
    public static IForge? TryCreate(RunContext run, IReadOnlyDictionary<string, string> environment, HttpClient http, out string reason)
    {
        reason = "";
        if (!run.IsComplete)
        {
            reason = $"{string.Join(", ", run.Missing)} not set; this does not look like a CI run";
            return null;
        }
        try
        {
            var repository = ForgeRepository.Parse(run.Repository);
            var server = new Uri(run.ServerUrl);
            if (run.Kind == ForgeKind.GitHub)
                return ForgeToken.FromEnvironment(environment, ForgeEnvironment.Token, "GITHUB_TOKEN") is { } githubToken
                    ? new GitHubForge(repository, githubToken, server)
                    : Fail(out reason, "no token: set GITHUB_TOKEN (or FORGEJO_TOKEN) in the step's env from ${{ secrets.GITHUB_TOKEN }}");
            return ForgeToken.FromEnvironment(environment, ForgeEnvironment.Token) is { } token
                ? new ForgejoForge(server, repository, token, http)
                : Fail(out reason, "no token: add a FORGEJO_TOKEN repository secret (a token with write:issue and write:repository); the generated workflows pass it to the build");
        }
        catch (Exception exception) when (exception is ForgeException or UriFormatException)
        {
            reason = exception.Message;
            return null;
        }
    }

    static IForge? Fail(out string reason, string why)
    {
        reason = why;
        return null;
    }
}
