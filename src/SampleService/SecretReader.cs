namespace SampleService;

/// <summary>Reads a named secret from a mounted secrets file, falling back to an environment variable.</summary>
internal sealed class SecretReader(string directory, Func<string, string?> readEnvironment)
{
    public const string DefaultDirectory = "/run/secrets";

    public string Directory => directory;

    /// <summary>Returns the secret, or null when neither the file nor the variable holds a value.</summary>
    public Secret? Read(string name)
    {
        var value = ReadFile(name);
        if (string.IsNullOrEmpty(value))
            value = readEnvironment(name.ToUpperInvariant());
        return string.IsNullOrEmpty(value) ? null : new Secret(value);
    }

    private string? ReadFile(string name)
    {
        var path = Path.Combine(directory, name);
        // Files written by editors and `echo` end in a newline that is not part of the secret.
        return File.Exists(path) ? File.ReadAllText(path).TrimEnd('\r', '\n') : null;
    }
}
