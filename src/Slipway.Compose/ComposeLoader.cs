using Slipway.Compose.Merging;
using Slipway.Compose.Reading;
using Slipway.Compose.Schema;

namespace Slipway.Compose;

/// <summary>Loads compose files (base first, then overrides) into a validated, merged <see cref="ComposeProject"/>.</summary>
public sealed class ComposeLoader
{
    private readonly SubsetValidator _validator;

    /// <summary>A loader for the subset documented in supported-subset.yml.</summary>
    public ComposeLoader()
        : this(ComposeSubset.Default)
    {
    }

    internal ComposeLoader(ComposeSubset subset) => _validator = new SubsetValidator(subset);

    /// <summary>Reads, interpolates, validates and merges the files like <c>docker compose -f base.yml -f prod.yml</c>.</summary>
    /// <param name="files">Compose files in order: base first, overrides after; paths appear in errors as given.</param>
    /// <param name="variables">Values for interpolation and for bare environment keys.</param>
    /// <param name="projectName">Used when the files have no <c>name:</c> key.</param>
    public ComposeProject Load(IReadOnlyList<string> files, IReadOnlyDictionary<string, string> variables, string? projectName = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Load(files.Select(ComposeSource.FromFile).ToArray(), variables, projectName);
    }

    /// <summary>Like the file overload, for YAML already in memory (a stored canonical configuration, tests).</summary>
    public ComposeProject Load(IReadOnlyList<ComposeSource> sources, IReadOnlyDictionary<string, string> variables, string? projectName = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(variables);
        if (sources.Count == 0)
            throw new ArgumentException("Give at least one compose file.", nameof(sources));
        // Compose resolves relative paths in every file against the first file's directory.
        var baseDirectory = Path.GetDirectoryName(Path.GetFullPath(sources[0].Path)) ?? Directory.GetCurrentDirectory();
        var interpolator = new Interpolator(variables);
        var warnings = new List<string>();
        var drafts = sources.Select(source => ReadFile(source, new ValueReader(source.Path, baseDirectory, interpolator, warnings))).ToArray();
        var merged = DraftMerger.Merge(drafts);
        ReferenceChecker.Check(merged);
        var name = ProjectNaming.Resolve(merged.Name, projectName, sources[0].Path);
        return ProjectAssembler.Assemble(merged, name, sources.Select(source => source.Path).ToArray(), warnings);
    }

    private FileDraft ReadFile(ComposeSource source, ValueReader reader)
    {
        var root = YamlDocumentReader.ReadRoot(source);
        _validator.Validate(source.Path, root);
        return FileReader.Read(reader, root);
    }
}
