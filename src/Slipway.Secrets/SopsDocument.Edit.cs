using Slipway.Secrets.Stores;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets;

public sealed partial class SopsDocument
{
    /// <summary>
    /// Takes the whole content from an edited plaintext file in the document's format, as `sops edit` does when the
    /// editor closes; returns false when nothing changed. Call <see cref="SaveAsync"/> to write it.
    /// </summary>
    public bool ReplaceWithPlaintext(string plaintextPath)
    {
        var edited = SopsFileReader.ReadPlain(plaintextPath, Format, _store);
        if (edited.Any(b => b.Find(SopsStores.MetadataKey) is not null))
            throw new SecretsException($"{Path}: the edited text has a top-level '{SopsStores.MetadataKey}' key, which is reserved for sops metadata; nothing was saved");
        if (_store.Emit(edited, metadata: null) == _store.Emit(_branches, metadata: null)) return false;
        _branches = edited;
        return true;
    }
}
