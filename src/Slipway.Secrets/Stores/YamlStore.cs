using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Stores;

/// <summary>YAML files, one sops tree per document; the `sops:` block is appended to every document.</summary>
internal sealed class YamlStore : ISopsStore
{
    public bool CanWrite => true;

    public ParsedFile Parse(string text) => SopsStores.SplitMetadata(new YamlTreeReader(text).Read());

    public string Emit(IReadOnlyList<TreeBranch> branches, TreeBranch? metadata) =>
        YamlTreeWriter.Write(metadata is null
            ? branches
            : branches.Select(b => new TreeBranch(b) { new TreeItem(SopsStores.MetadataKey, metadata) }).ToList());
}
