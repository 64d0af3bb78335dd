using Slipway.Secrets;
using Slipway.Tooling;

namespace Slipway.Integration.Tests.Support;

/// <summary>
/// A throw-away secrets setup outside the repository (so no .sops.yaml of the checkout applies): its own HOME, age key,
/// .sops.yaml and secrets file. The build runs with SOPS_AGE_KEY_FILE pointing at the key and no other key source.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class SecretsScratch : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("slipway-it-secrets-").FullName;
    public string Home => Path.Combine(Root, "home");
    public string KeyFile => Path.Combine(Root, "age-key.txt");
    public string SecretsFile => Path.Combine(Root, "secrets.enc.yaml");
    public string Recipient { get; private set; } = "";

    public static async Task<SecretsScratch> CreateAsync(params (string Key, string Value)[] values)
    {
        var scratch = new SecretsScratch();
        Directory.CreateDirectory(scratch.Home);
        scratch.Recipient = await AgeKeyGen.GenerateAsync(scratch.KeyFile);
        await File.WriteAllTextAsync(Path.Combine(scratch.Root, ".sops.yaml"),
            $"creation_rules:\n  - path_regex: secrets\\.enc\\.yaml$\n    age: {scratch.Recipient}\n");
        if (values.Length > 0)
            await SopsDocument.CreateAsync(scratch.SecretsFile, rule: null, values.Select(v => KeyValuePair.Create(v.Key, v.Value)));
        return scratch;
    }

    /// <summary>Only this scratch's key is found: SOPS_AGE_KEY_FILE, and a HOME without a default key file.</summary>
    public Dictionary<string, string?> Environment(params (string Name, string? Value)[] more)
    {
        var variables = new Dictionary<string, string?>
        {
            ["HOME"] = Home, ["XDG_CONFIG_HOME"] = null, ["SOPS_AGE_KEY"] = null, ["SOPS_AGE_KEY_CMD"] = null,
            ["SOPS_AGE_KEY_FILE"] = KeyFile, ["EDITOR"] = null, ["SOPS_EDITOR"] = null,
        };
        foreach (var (name, value) in more) variables[name] = value;
        return variables;
    }

    public Task<ToolResult> BuildAsync(params string[] args) => BuildAsync(Environment(), null, args);

    public Task<ToolResult> BuildAsync(Dictionary<string, string?> environment, string? stdin, params string[] args) =>
        BuildCli.RunAsync(environment, stdin, [.. args, "--secrets-file", SecretsFile]);

    public Task<SopsDocument> LoadAsync() => SopsDocument.LoadAsync(SecretsFile, AgeKeySources.FromKeyFile(KeyFile));

    /// <summary>An executable script for EDITOR: records the path it was given in "edited-path", then runs <paramref name="body"/>.</summary>
    public string Editor(string body)
    {
        var script = Path.Combine(Root, $"editor-{Guid.NewGuid():N}.sh");
        File.WriteAllText(script, $"#!/bin/sh\nprintf %s \"$1\" > '{Path.Combine(Root, "edited-path")}'\n{body}\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return script;
    }

    public string EditedPath => File.ReadAllText(Path.Combine(Root, "edited-path"));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
    }
}
