using Slipway.Secrets.Metadata;
using Slipway.Secrets.Stores;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets;

/// <summary>An encrypted file as read from disk, not yet decrypted.</summary>
internal sealed record EncryptedFile(string Path, SopsFormat Format, ISopsStore Store, List<TreeBranch> Branches, SopsMetadata Metadata);

/// <summary>Reads files into trees and turns every format problem into a one-line <see cref="SecretsException"/>.</summary>
internal static class SopsFileReader
{
    public static EncryptedFile ReadEncrypted(string path)
    {
        var format = SopsFormats.ForPath(path);
        var store = SopsStores.For(format);
        var parsed = Parse(path, format, () => store.Parse(ReadText(path)));
        if (parsed.Metadata is null)
            throw new SecretsException($"{path}: not a sops file (it has no `sops` metadata); encrypt it first with SopsDocument.EncryptFileAsync or sops -e");
        try
        {
            return new EncryptedFile(path, format, store, parsed.Branches, SopsMetadata.FromTree(parsed.Metadata));
        }
        catch (Exception ex) when (ex is MetadataException or FormatException or InvalidCastException)
        {
            throw new SecretsException($"{path}: invalid sops metadata: {ex.Message}; restore the file from version control");
        }
    }

    public static List<TreeBranch> ReadPlain(string path, SopsFormat format, ISopsStore store) =>
        Parse(path, format, () => new ParsedFile(store.ParsePlain(ReadText(path)), null)).Branches;

    private static ParsedFile Parse(string path, SopsFormat format, Func<ParsedFile> parse)
    {
        try
        {
            return parse();
        }
        catch (StoreFormatException ex)
        {
            throw new SecretsException($"{ex.Where(path)}: malformed {format.ToString().ToUpperInvariant()}: {ex.Message.TrimEnd('.')}; fix the file and retry");
        }
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new SecretsException($"{path}: no such file; check the path");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SecretsException($"{path}: cannot read it: {ex.Message}; check its permissions");
        }
    }
}
