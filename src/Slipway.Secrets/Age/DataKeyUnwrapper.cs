using Slipway.Secrets.Metadata;

namespace Slipway.Secrets.Age;

/// <summary>Recovers a file's data key from its age stanzas with the first key source that holds a matching identity.</summary>
internal sealed class DataKeyUnwrapper(AgeCli age)
{
    public sealed record Unwrapped(byte[] DataKey, string Source);

    public async Task<Unwrapped> UnwrapAsync(string file, SopsMetadata metadata, AgeKeySources sources, CancellationToken ct)
    {
        RefuseUnsupported(file, metadata);
        foreach (var place in sources.Places)
        {
            var identities = await LoadAsync(place, ct);
            if (identities is null) continue;
            // age-keygen -y tells which stanzas this place can open; when it cannot read the identities
            // (ssh or plugin keys), every stanza is simply tried.
            var recipients = await age.RecipientsOfAsync(identities, ct);
            foreach (var stanza in metadata.Age.Where(s => recipients is null || recipients.Contains(s.Recipient)))
            {
                var key = await age.DecryptAsync(identities, stanza.Enc, ct);
                if (key is { Length: 32 }) return new Unwrapped(key, place.Name);
            }
        }
        throw new SecretsException(
            $"cannot decrypt {file}: no age identity matches its recipients ({string.Join(", ", metadata.Age.Select(a => a.Recipient))}); " +
            $"looked in {string.Join(", ", sources.Places.Select(p => p.Describe()))}; " +
            $"put the matching AGE-SECRET-KEY in one of them (e.g. point {AgeKeySources.KeyFileVariable} at it)") { IsMissingKey = true };
    }

    public static void RefuseUnsupported(string file, SopsMetadata metadata)
    {
        if (metadata.KeyGroupCount > 1)
            throw new SecretsException($"not supported: {file} splits its data key over {metadata.KeyGroupCount} key groups (Shamir); Slipway supports one group of age recipients; decrypt it with sops");
        if (metadata.Age.Count > 0) return;
        var pgp = metadata.PgpFingerprints.ToList();
        var what = pgp.Count > 0
            ? $"PGP keys ({string.Join(", ", pgp)})"
            : metadata.OtherKeys.Count > 0 ? $"{string.Join(", ", metadata.OtherKeys.Keys)} keys" : "no keys at all";
        throw new SecretsException($"not supported: {file} is encrypted only for {what}; Slipway supports age recipients; add one with `sops updatekeys` or `sops rotate --add-age`");
    }

    // Like sops, a place that cannot be read is passed over; the final message lists every place looked in.
    private static async Task<string?> LoadAsync(AgeIdentityPlace place, CancellationToken ct)
    {
        try
        {
            var text = await place.LoadAsync(ct);
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
