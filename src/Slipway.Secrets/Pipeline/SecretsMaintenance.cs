using System.Text.RegularExpressions;
using Serilog;
using Slipway.Engine;
using Slipway.Secrets.IO;

namespace Slipway.Secrets.Pipeline;

/// <summary>Changes a secrets file the way its maintainers do by hand with sops: set one value, rotate the data key, export an env file.</summary>
public static partial class SecretsMaintenance
{
    /// <summary>Sets one value, creating the file from its .sops.yaml creation rule when it does not exist yet.</summary>
    public static async Task SetAsync(string path, string keyPath, SecretValue value, AgeKeySources keys, CancellationToken ct = default)
    {
        SecretMasker.Register(value.Reveal());
        if (!File.Exists(path))
        {
            await SopsDocument.CreateAsync(path, rule: null, [new(keyPath, value.Reveal())], ct);
            Log.Information("Created {File} with {Key}", path, keyPath);
            return;
        }
        var document = await SopsDocument.LoadAsync(path, keys, ct);
        var existed = document.Contains(keyPath);
        document.Set(keyPath, value.Reveal());
        await document.SaveAsync(ct);
        Log.Information(existed ? "Changed {Key} in {File}" : "Added {Key} to {File}", keyPath, path);
    }

    /// <summary>A new data key for every value, wrapped for the current recipients plus <paramref name="add"/> minus <paramref name="remove"/>.</summary>
    public static async Task RotateAsync(string path, IReadOnlyList<string> add, IReadOnlyList<string> remove, AgeKeySources keys, CancellationToken ct = default)
    {
        var document = await SopsDocument.LoadAsync(path, keys, ct);
        if (remove.FirstOrDefault(r => !document.AgeRecipients.Contains(r.Trim())) is { } unknown)
            throw new SecretsException($"{path}: cannot remove '{unknown}': it is not a recipient; recipients: {string.Join(", ", document.AgeRecipients)}");
        await document.RotateAsync(add, remove, ct);
    }

    /// <summary>
    /// Writes what <paramref name="environment"/> gets from the file (see <see cref="SecretsFileValues.ForEnvironment"/>)
    /// as KEY=VALUE lines, names in UPPER_SNAKE case, mode 0600, atomically.
    /// </summary>
    public static void WriteEnvFile(SecretsFileValues values, string environment, string outputPath)
    {
        if (!EnvironmentName().IsMatch(environment))
            throw new SecretsException($"'{environment}' is not an environment name; use letters, digits, '-' and '_' (e.g. --env dev)");
        values.Require();
        var variables = values.ForEnvironment(environment)
            .Where(v => v.Key == SecretNames.VariableOf(v.Key))
            .OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new KeyValuePair<string, string>(v.Key, v.Value.Reveal()))
            .ToList();
        if (variables.Count == 0)
            throw new SecretsException($"{values.Path}: no values for {environment}; add one with ./build.sh SecretsSet --key <name>");
        AtomicFile.Write(outputPath, DotenvWriter.Render(variables), AtomicFile.OwnerOnly);
        Log.Information("Wrote {Count} variables for {Environment} to {Target} (mode 0600, git-ignored)", variables.Count, environment, outputPath);
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]*$")]
    private static partial Regex EnvironmentName();
}
