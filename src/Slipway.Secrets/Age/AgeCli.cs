using System.ComponentModel;
using System.Text;
using CliWrap;

namespace Slipway.Secrets.Age;

/// <summary>
/// Runs the age CLI. Secret material only ever travels through stdin/stdout (never argv or a file);
/// the wrapped data key is public, so it is handed over as a short-lived temp file.
/// </summary>
internal sealed class AgeCli(string age = "age", string ageKeygen = "age-keygen")
{
    public static AgeCli Default { get; } = new();

    /// <summary>Wraps the data key for one recipient; returns the armored age file sops stores as `enc`.</summary>
    public async Task<string> EncryptAsync(string recipient, byte[] dataKey, CancellationToken ct = default)
    {
        var result = await RunAsync(age, ["-e", "-a", "-r", recipient], PipeSource.FromBytes(dataKey), ct);
        if (result.ExitCode != 0)
            throw new SecretsException($"age cannot encrypt for recipient {recipient}: {result.Error}; check the recipient is an age1... public key");
        return Encoding.ASCII.GetString(result.Output);
    }

    /// <summary>Unwraps an armored age file with the identities given as text; null when none of them fits.</summary>
    public async Task<byte[]?> DecryptAsync(string identities, string armored, CancellationToken ct = default)
    {
        var input = Path.Combine(Path.GetTempPath(), $"slipway-age-{Guid.NewGuid():N}.age");
        try
        {
            await File.WriteAllTextAsync(input, armored, ct);
            var result = await RunAsync(age, ["-d", "-i", "-", input], PipeSource.FromString(identities), ct);
            return result.ExitCode == 0 ? result.Output : null;
        }
        finally
        {
            File.Delete(input);
        }
    }

    /// <summary>The public recipients of the identities in the text, or null if age-keygen cannot read all of them.</summary>
    public async Task<IReadOnlyList<string>?> RecipientsOfAsync(string identities, CancellationToken ct = default)
    {
        var result = await RunAsync(ageKeygen, ["-y"], PipeSource.FromString(identities), ct);
        if (result.ExitCode != 0) return null;
        return Encoding.ASCII.GetString(result.Output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>Creates a new identity file (age-keygen writes it with mode 0600) and returns its recipient.</summary>
    public async Task<string> KeygenAsync(string identityFile, CancellationToken ct = default)
    {
        var result = await RunAsync(ageKeygen, ["-o", identityFile], PipeSource.Null, ct);
        if (result.ExitCode != 0)
            throw new SecretsException($"age-keygen cannot create {identityFile}: {result.Error}; pick a path that does not exist yet");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(identityFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var recipients = await RecipientsOfAsync(await File.ReadAllTextAsync(identityFile, ct), ct);
        return recipients?.FirstOrDefault() ?? throw new SecretsException($"age-keygen wrote {identityFile} but age-keygen -y cannot read it back");
    }

    /// <summary>Runs a command line taken from SOPS_AGE_KEY_CMD and returns its stdout.</summary>
    public static async Task<string?> RunKeyCommandAsync(IReadOnlyList<string> argv, CancellationToken ct = default)
    {
        var result = await RunAsync(argv[0], argv.Skip(1).ToArray(), PipeSource.Null, ct);
        return result.ExitCode == 0 ? Encoding.UTF8.GetString(result.Output) : null;
    }

    private sealed record Outcome(int ExitCode, byte[] Output, string Error);

    private static async Task<Outcome> RunAsync(string tool, string[] args, PipeSource stdin, CancellationToken ct)
    {
        using var stdout = new MemoryStream();
        var stderr = new StringBuilder();
        try
        {
            var result = await Cli.Wrap(tool).WithArguments(args)
                .WithStandardInputPipe(stdin)
                .WithStandardOutputPipe(PipeTarget.ToStream(stdout))
                .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(ct);
            var error = stderr.ToString().Split('\n').FirstOrDefault(l => l.Length > 0)?.Trim() ?? "";
            return new Outcome(result.ExitCode, stdout.ToArray(), error);
        }
        catch (Exception ex) when (ex is Win32Exception or InvalidOperationException)
        {
            throw new SecretsException($"cannot run '{tool}': it is not installed or not on PATH; install age 1.1 or newer (apt install age)", ex);
        }
    }
}
