using Slipway.Engine;

namespace Slipway.Forge.Api;

/// <summary>Turns a refused call into one line naming the forge, the call, what went wrong and what to change.</summary>
internal static class ForgeErrors
{
    public static ForgeException ForStatus(ForgeCall call, int status, string? serverMessage)
    {
        var said = string.IsNullOrWhiteSpace(serverMessage) ? "" : $" (it said: {OneLine(serverMessage)})";
        var message = status switch
        {
            401 => $"{call.Forge} refused the token (401) for {call}; check the {call.TokenVariable} secret: it is wrong, expired or revoked",
            403 => $"{call.Forge} denied {call} (403){said}; give the token write access to issues and the repository (scopes write:issue and write:repository)",
            404 => $"{call.Forge} found nothing at {call} (404){said}; check that the repository {call.Repository} exists on {call.Server} and the token can see it",
            422 => $"{call.Forge} rejected {call} (422){said}; the request's fields were refused (label, state or sha)",
            _ => $"{call.Forge} answered {status} to {call}{said}; retry, or check {call.Server}",
        };
        return new ForgeException(SecretMasker.Mask(message)) { Status = status };
    }

    public static ForgeException Unreachable(ForgeCall call, Exception exception) => new(SecretMasker.Mask(
        $"could not reach {call.Forge} at {call.Server} for {call}: {OneLine(exception.GetBaseException().Message)}; check the server URL ({Reporting.ForgeEnvironment.ServerUrl} or GITHUB_SERVER_URL)"),
        exception);

    static string OneLine(string text)
    {
        var line = string.Join(" ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= 200 ? line : line[..199] + "…";
    }
}

/// <summary>A call as named in messages: "POST /repos/o/r/issues" on Forgejo at https://forgejo.example.</summary>
internal sealed record ForgeCall(string Forge, string Method, string Path, string Server, ForgeRepository Repository, string TokenVariable)
{
    public override string ToString() => $"{Method} /{Path.Split('?')[0]}";
}
