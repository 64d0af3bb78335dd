using Serilog;
using Slipway.Engine;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Pipeline;

/// <summary>
/// The values of a build's secrets file, decrypted once on first use. A missing file or key is not an error; a file no
/// identity here can open is one warning, after which it counts as absent, so a fresh clone still runs on embedded
/// defaults. Every value read is registered with the <see cref="SecretMasker"/> (user names excepted).
/// </summary>
public sealed class SecretsFileValues(string path, AgeKeySources keys)
{
    private IReadOnlyList<(IReadOnlyList<string> Path, SecretValue Value)>? _values;
    private SecretsException? _problem;

    public string Path => path;

    public bool Exists => File.Exists(path);

    /// <summary>The value at a key path ("registry_password", "dev/api_key"), or false when the file or key is absent or unreadable.</summary>
    public bool TryGet(string keyPath, out SecretValue? value)
    {
        var wanted = KeyPath.Parse(keyPath);
        value = Values().FirstOrDefault(v => v.Path.SequenceEqual(wanted)).Value;
        return value is not null;
    }

    /// <summary>
    /// What an environment gets: every top-level value, overridden by the values under a top-level mapping named after
    /// the environment; each offered under its key (api_key) and as a variable name (API_KEY).
    /// </summary>
    public IReadOnlyDictionary<string, SecretValue> ForEnvironment(string? environment)
    {
        var byKey = new Dictionary<string, SecretValue>(StringComparer.Ordinal);
        foreach (var (keyPath, value) in Values().Where(v => v.Path.Count == 1)) byKey[keyPath[0]] = value;
        if (environment is not null)
            foreach (var (keyPath, value) in Values().Where(v => v.Path.Count == 2 && v.Path[0] == environment)) byKey[keyPath[1]] = value;
        var offered = new Dictionary<string, SecretValue>(StringComparer.Ordinal);
        foreach (var (key, value) in byKey) offered[SecretNames.VariableOf(key)] = value;
        foreach (var (key, value) in byKey) offered[key] = value;
        return offered;
    }

    /// <summary>For targets that need the file: fails with the one-line reason (missing file, no matching age identity) instead of warning.</summary>
    public void Require()
    {
        if (!Exists)
            throw new SecretsException($"{path}: no such file; create it with ./build.sh SecretsInit (or name another with --secrets-file)");
        Values();
        if (_problem is not null) throw _problem;
    }

    private IReadOnlyList<(IReadOnlyList<string> Path, SecretValue Value)> Values() => _values ??= Load();

    private IReadOnlyList<(IReadOnlyList<string>, SecretValue)> Load()
    {
        if (!Exists) return [];
        SopsDocument document;
        try
        {
            document = SopsDocument.LoadAsync(path, keys).GetAwaiter().GetResult();
        }
        catch (SecretsException e) when (e.IsMissingKey)
        {
            _problem = e;
            Log.Warning("{Problem}; going on without its values", e.Message);
            return [];
        }
        var values = new List<(IReadOnlyList<string>, SecretValue)>();
        foreach (var key in document.Keys)
        {
            var value = document.Get(key);
            var segments = KeyPath.Parse(key);
            if (!SecretNames.IsIdentity(segments[^1])) SecretMasker.Register(value.Reveal());
            values.Add((segments, value));
        }
        return values;
    }
}
