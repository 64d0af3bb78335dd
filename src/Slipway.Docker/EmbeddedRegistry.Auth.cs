using System.Net;
using Serilog;
using Slipway.Tooling;

namespace Slipway.Docker;

public sealed partial class EmbeddedRegistry
{
    public const string GeneratedUser = "slipway";

    /// <summary>Where the generated login is kept (mode 0600, outside the checkout): "user:password".</summary>
    public string CredentialsFile => Path.Combine(Directory, "credentials");

    string HtpasswdFile => Path.Combine(Directory, "htpasswd");

    enum RegistryState { Down, Serving, Open, Refusing }

    /// <summary>The endpoint with the login known so far, without starting or generating anything (for lookups before a push).</summary>
    public RegistryEndpoint KnownEndpoint()
    {
        var login = !RequiresLogin ? null : Login ?? ReadLogin();
        return new RegistryEndpoint(Host, login?.User, login?.Password);
    }

    RegistryLogin? ReadLogin()
    {
        if (!File.Exists(CredentialsFile)) return null;
        var text = File.ReadAllText(CredentialsFile).Trim();
        var colon = text.IndexOf(':');
        return colon > 0 ? new RegistryLogin(text[..colon], text[(colon + 1)..]) : null;
    }

    async Task<RegistryLogin> GeneratedLoginAsync(CancellationToken ct)
    {
        if (ReadLogin() is { } existing) return existing;
        var login = new RegistryLogin(GeneratedUser, OwnerOnlyFile.RandomPassword(32));
        await OwnerOnlyFile.CreateAsync(CredentialsFile, $"{login.User}:{login.Password}\n", ct);
        Log.Information("Generated a password for the embedded registry, kept in {Path} (not in git)", CredentialsFile);
        return login;
    }

    /// <summary>Down; serving as asked; open although a login is required (started by an earlier version); or refusing this login.</summary>
    async Task<RegistryState> ProbeAsync(RegistryEndpoint endpoint, CancellationToken ct)
    {
        using var anonymous = new RegistryClient(new RegistryEndpoint(Host));
        var status = await anonymous.PingAsync(ct);
        if (status is null) return RegistryState.Down;
        if (!RequiresLogin) return RegistryState.Serving;
        if (status == HttpStatusCode.OK) return RegistryState.Open;
        using var client = new RegistryClient(endpoint);
        return await client.PingAsync(ct) == HttpStatusCode.OK ? RegistryState.Serving : RegistryState.Refusing;
    }

    /// <summary>Stops the registry this state folder started (its pid file names it), so it can start again with authentication.</summary>
    async Task StopOwnAsync(RegistryState state, CancellationToken ct)
    {
        var why = state == RegistryState.Open ? "it runs without authentication" : "it does not accept the current login";
        var pid = File.Exists(PidFile) && int.TryParse((await File.ReadAllTextAsync(PidFile, ct)).Trim(), out var p) ? p : 0;
        var commandLine = pid > 0 && File.Exists($"/proc/{pid}/cmdline") ? (await File.ReadAllTextAsync($"/proc/{pid}/cmdline", ct)).Replace('\0', ' ') : "";
        if (!commandLine.Contains(Executable, StringComparison.Ordinal) || !commandLine.Contains(ConfigFile, StringComparison.Ordinal))
            throw new RegistryException($"the registry on {Host} must restart because {why}, but it was not started from {Directory}; stop the program on port {port} and run the build again");
        Log.Information("Restarting the embedded registry on {Registry}: {Reason}", Host, why);
        using (var process = System.Diagnostics.Process.GetProcessById(pid))
        {
            process.Kill();
            await process.WaitForExitAsync(ct);
        }
        using var anonymous = new RegistryClient(new RegistryEndpoint(Host));
        for (var attempt = 0; attempt < 50 && await anonymous.PingAsync(ct) is not null; attempt++) await Task.Delay(200, ct);
    }

    /// <summary>Writes the bcrypt htpasswd file for the login; the password goes to htpasswd on stdin, never on its command line.</summary>
    async Task<string> WriteHtpasswdAsync(RegistryEndpoint endpoint, CancellationToken ct)
    {
        if (!ToolRunner.IsOnPath("htpasswd"))
            throw new ToolNotFoundException("htpasswd", "the embedded registry's password file needs apache2-utils");
        File.Delete(HtpasswdFile);
        await ToolRunner.RunAsync(new ToolInvocation("htpasswd", ["-B", "-i", "-c", HtpasswdFile, endpoint.Username!])
        {
            StandardInput = endpoint.Password, Echo = OutputEcho.None,
        }, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(HtpasswdFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return HtpasswdFile;
    }
}
