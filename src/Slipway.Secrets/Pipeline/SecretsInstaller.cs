using System.Security.Cryptography;
using Serilog;

namespace Slipway.Secrets.Pipeline;

/// <summary>What <see cref="SecretsInstaller.InitAsync"/> found and did.</summary>
public sealed record SecretsInstallation(string KeyFile, string Recipient, bool KeyCreated, bool ConfigUpdated, bool FileCreated, bool CanDecrypt);

/// <summary>
/// Sets up a new installation: an age identity where sops looks for it (SOPS_AGE_KEY_FILE, else the user's default
/// key file), that identity's recipient in .sops.yaml in place of the committed placeholder, and the secrets file,
/// encrypted for it, with a random value for each name asked for.
/// </summary>
public sealed class SecretsInstaller(Func<string, string?> variable)
{
    /// <summary>What the committed .sops.yaml holds until SecretsInit puts a real recipient there.</summary>
    public const string RecipientPlaceholder = "run-SecretsInit-to-put-your-age1-recipient-here";

    public async Task<SecretsInstallation> InitAsync(string secretsFile, IEnumerable<string> generatedKeys, CancellationToken ct = default)
    {
        var (keyFile, recipient, keyCreated) = await EnsureIdentityAsync(ct);
        var configUpdated = await EnsureRecipientInConfigAsync(secretsFile, recipient, ct);
        if (File.Exists(secretsFile))
        {
            var recipients = SopsDocument.ListRecipients(secretsFile);
            return new SecretsInstallation(keyFile, recipient, keyCreated, configUpdated, FileCreated: false, recipients.Contains(recipient));
        }
        var values = generatedKeys.Distinct().Select(key => new KeyValuePair<string, string>(key, RandomValue())).ToList();
        await SopsDocument.CreateAsync(secretsFile, rule: null, values, ct);
        Log.Information("Created {File} with generated values for {Keys}", secretsFile, values.Count == 0 ? "nothing" : string.Join(", ", values.Select(v => v.Key)));
        return new SecretsInstallation(keyFile, recipient, keyCreated, configUpdated, FileCreated: true, CanDecrypt: true);
    }

    private async Task<(string File, string Recipient, bool Created)> EnsureIdentityAsync(CancellationToken ct)
    {
        var keyFile = variable(AgeKeySources.KeyFileVariable) is { Length: > 0 } named ? named
            : AgeKeySources.DefaultKeyFile(variable) ?? throw new SecretsException("neither SOPS_AGE_KEY_FILE nor HOME is set; set one so the age key has a place");
        if (File.Exists(keyFile))
        {
            var existing = (await AgeKeyGen.RecipientsOfAsync(keyFile, ct))[0];
            Log.Information("Using the age identity in {KeyFile} (recipient {Recipient})", keyFile, existing);
            return (keyFile, existing, false);
        }
        IO.AtomicFile.CreateOwnerOnlyDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        var recipient = await AgeKeyGen.GenerateAsync(keyFile, ct);
        Log.Information("Created the age identity {KeyFile} (mode 0600; back it up, it is the only way to decrypt) with recipient {Recipient}", keyFile, recipient);
        return (keyFile, recipient, true);
    }

    /// <summary>Replaces the placeholder recipient in the nearest .sops.yaml, or writes one when there is none.</summary>
    private static async Task<bool> EnsureRecipientInConfigAsync(string secretsFile, string recipient, CancellationToken ct)
    {
        if (SopsConfig.Find(secretsFile) is not { } config)
        {
            config = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(secretsFile))!, SopsConfig.FileName);
            var pattern = System.Text.RegularExpressions.Regex.Escape(Path.GetFileName(secretsFile));
            Directory.CreateDirectory(Path.GetDirectoryName(config)!);
            await File.WriteAllTextAsync(config, $"creation_rules:\n  - path_regex: (^|/){pattern}$\n    age: {recipient}\n", ct);
            Log.Information("Wrote {Config} with a creation rule for {File}", config, secretsFile);
            return true;
        }
        var text = await File.ReadAllTextAsync(config, ct);
        if (!text.Contains(RecipientPlaceholder, StringComparison.Ordinal)) return false;
        await File.WriteAllTextAsync(config, text.Replace(RecipientPlaceholder, recipient, StringComparison.Ordinal), ct);
        Log.Information("Put recipient {Recipient} in {Config}; commit it", recipient, config);
        return true;
    }

    /// <summary>32 characters from a cryptographic RNG, letters and digits only, so any tool and env file takes it as is.</summary>
    public static string RandomValue(int length = 32) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}
