using Slipway.Secrets.Age;

namespace Slipway.Secrets;

/// <summary>
/// Where age identities are looked for, in sops' order: SOPS_AGE_KEY (the key text), SOPS_AGE_KEY_FILE,
/// SOPS_AGE_KEY_CMD (a command printing keys), then the user's sops key file
/// ($XDG_CONFIG_HOME/sops/age/keys.txt, else ~/.config/sops/age/keys.txt; ~/Library/Application Support/... on macOS).
/// sops reads all of them; the first place whose identity unwraps the data key is the one used.
/// </summary>
public sealed class AgeKeySources
{
    public const string KeyVariable = "SOPS_AGE_KEY";
    public const string KeyFileVariable = "SOPS_AGE_KEY_FILE";
    public const string KeyCommandVariable = "SOPS_AGE_KEY_CMD";

    private readonly IReadOnlyList<AgeIdentityPlace> _places;

    private AgeKeySources(IReadOnlyList<AgeIdentityPlace> places) => _places = places;

    /// <summary>The sources of the current process environment.</summary>
    public static AgeKeySources FromEnvironment() => FromVariables(Environment.GetEnvironmentVariable);

    /// <summary>The same sources, read through a variable lookup (tests and callers that carry their own environment).</summary>
    public static AgeKeySources FromVariables(Func<string, string?> variable)
    {
        var places = new List<AgeIdentityPlace>
        {
            AgeIdentityPlace.Text(KeyVariable, variable(KeyVariable)),
            AgeIdentityPlace.File(KeyFileVariable, variable(KeyFileVariable), named: true),
        };
        if (variable(KeyCommandVariable) is { Length: > 0 } command) places.Add(AgeIdentityPlace.Command(KeyCommandVariable, command));
        if (DefaultKeyFile(variable) is { } file) places.Add(AgeIdentityPlace.File(file, file, named: false));
        return new AgeKeySources(places);
    }

    /// <summary>Only this identity file.</summary>
    public static AgeKeySources FromKeyFile(string path) => new([AgeIdentityPlace.File(path, path, named: false)]);

    /// <summary>Only these identities (AGE-SECRET-KEY-1... lines).</summary>
    public static AgeKeySources FromKeyText(SecretValue identities) =>
        new([AgeIdentityPlace.Text("the given key text", identities.Reveal())]);

    /// <summary>The user's default sops age key file for this environment, as sops computes it.</summary>
    public static string? DefaultKeyFile(Func<string, string?> variable)
    {
        var xdg = variable("XDG_CONFIG_HOME");
        var home = variable("HOME");
        string? config;
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) config = xdg;
        else if (string.IsNullOrEmpty(home)) config = null;
        else if (OperatingSystem.IsMacOS()) config = Path.Combine(home, "Library", "Application Support");
        else config = Path.Combine(home, ".config");
        return config is null ? null : Path.Combine(config, "sops", "age", "keys.txt");
    }

    internal IReadOnlyList<AgeIdentityPlace> Places => _places;
}

/// <summary>One place identities may come from, and how to read it.</summary>
internal sealed class AgeIdentityPlace
{
    private readonly Func<CancellationToken, Task<string?>> _load;
    private readonly Func<bool> _isPresent;
    private readonly string _absent;

    private AgeIdentityPlace(string name, Func<CancellationToken, Task<string?>> load, Func<bool> isPresent, string absent)
    {
        Name = name;
        _load = load;
        _isPresent = isPresent;
        _absent = absent;
    }

    public string Name { get; }

    /// <summary>The name, annotated when nothing was there, for "looked in ..." messages.</summary>
    public string Describe() => _isPresent() ? Name : $"{Name} ({_absent})";

    public Task<string?> LoadAsync(CancellationToken ct) => _isPresent() ? _load(ct) : Task.FromResult<string?>(null);

    public static AgeIdentityPlace Text(string name, string? text) =>
        new(name, _ => Task.FromResult(text), () => !string.IsNullOrWhiteSpace(text), "not set");

    public static AgeIdentityPlace File(string name, string? path, bool named)
    {
        var label = named && path is not null ? $"{name}={path}" : name;
        if (string.IsNullOrEmpty(path)) return new(label, _ => Task.FromResult<string?>(null), () => false, "not set");
        return new(label, async ct => await System.IO.File.ReadAllTextAsync(path, ct), () => System.IO.File.Exists(path), "missing");
    }

    public static AgeIdentityPlace Command(string name, string command) =>
        new(name, ct => AgeCli.RunKeyCommandAsync(CommandLine.Split(command), ct), () => true, "not set");
}

/// <summary>Splits a command line the way sops does (shlex): whitespace, quotes and backslash escapes.</summary>
internal static class CommandLine
{
    public static IReadOnlyList<string> Split(string line)
    {
        var args = new List<string>();
        var current = new System.Text.StringBuilder();
        var started = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && char.IsWhiteSpace(c))
            {
                if (started) args.Add(current.ToString());
                current.Clear();
                started = false;
                continue;
            }
            started = true;
            if (c == '\\' && quote != '\'' && i + 1 < line.Length) current.Append(line[++i]);
            else if (c is '"' or '\'' && (quote is null || quote == c)) quote = quote is null ? c : null;
            else current.Append(c);
        }
        if (started) args.Add(current.ToString());
        if (args.Count == 0) throw new SecretsException($"{AgeKeySources.KeyCommandVariable} is empty; set it to a command that prints age keys");
        return args;
    }
}
