using Slipway.Secrets.Age;

namespace Slipway.Secrets;

/// <summary>Creates age identities with age-keygen.</summary>
public static class AgeKeyGen
{
    /// <summary>Writes a new identity file (mode 0600) that must not exist yet and returns its public age1... recipient.</summary>
    public static Task<string> GenerateAsync(string identityFile, CancellationToken ct = default) =>
        AgeCli.Default.KeygenAsync(identityFile, ct);

    /// <summary>The public recipients of an existing identity file.</summary>
    public static async Task<IReadOnlyList<string>> RecipientsOfAsync(string identityFile, CancellationToken ct = default) =>
        await AgeCli.Default.RecipientsOfAsync(await File.ReadAllTextAsync(identityFile, ct), ct)
        ?? throw new SecretsException($"{identityFile} is not an age identity file; create one with age-keygen");
}
