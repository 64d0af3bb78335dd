namespace Slipway.Secrets.Pipeline;

/// <summary>Describes a secrets file without decrypting it: its recipients and key paths, never a value.</summary>
public static class SecretsListing
{
    public static IReadOnlyList<string> Describe(string path)
    {
        if (!File.Exists(path))
            throw new SecretsException($"{path}: no such file; create it with ./build.sh SecretsInit (or name another with --secrets-file)");
        var file = SopsFileReader.ReadEncrypted(path);
        var keys = file.Branches.Count == 0 ? [] : Tree.KeyPath.Leaves(file.Branches[0]).ToList();
        var recipients = file.Metadata.Age.Select(a => a.Recipient).ToList();
        return
        [
            $"{path}: {keys.Count} keys, encrypted for {recipients.Count} age recipients",
            .. recipients.Select(r => $"  recipient {r}"),
            .. keys.Select(k => $"  {k}"),
        ];
    }
}
