namespace Slipway.Secrets;

/// <summary>The file formats sops stores secrets in; chosen from the file extension as sops does.</summary>
public enum SopsFormat
{
    Yaml,
    Json,
    Dotenv,
    Ini,
    Binary,
}

internal static class SopsFormats
{
    public static SopsFormat ForPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".yaml" or ".yml" => SopsFormat.Yaml,
        ".json" => SopsFormat.Json,
        ".env" => SopsFormat.Dotenv,
        ".ini" => SopsFormat.Ini,
        _ => SopsFormat.Binary,
    };
}
