namespace Slipway.Secrets.Tests.Support;

/// <summary>
/// Key sources built from an explicit environment whose HOME is a scratch directory, so the developer's
/// own ~/.config/sops/age/keys.txt never takes part in a test.
/// </summary>
internal static class KeySourcesFor
{
    public static AgeKeySources Environment(TempDir dir, params (string Name, string Value)[] variables)
    {
        var env = variables.ToDictionary(v => v.Name, v => v.Value);
        env.TryAdd("HOME", dir.File("home"));
        return AgeKeySources.FromVariables(name => env.GetValueOrDefault(name));
    }

    public static AgeKeySources FixtureKeys => AgeKeySources.FromKeyFile(Fixtures.KeysFile);

    /// <summary>The default key file location for <see cref="Environment"/>'s HOME.</summary>
    public static string DefaultKeyFile(TempDir dir) => Path.Combine(dir.File("home"), ".config", "sops", "age", "keys.txt");
}
