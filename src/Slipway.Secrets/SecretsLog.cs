using Serilog;

namespace Slipway.Secrets;

/// <summary>The messages this library logs, declared once; never a value, only files, keys and places.</summary>
internal static class SecretsLog
{
    private static ILogger Logger => Log.ForContext("SourceContext", "Slipway.Secrets");

    public static void Decrypted(string file, string keySource) =>
        Logger.Information("Decrypted {File} with the age identity from {KeySource}", file, keySource);

    public static void Saved(string file, int recipients) =>
        Logger.Information("Wrote {File} encrypted for {Recipients} age recipients", file, recipients);

    public static void Rotated(string file, int recipients) =>
        Logger.Information("Rotated the data key of {File} for {Recipients} age recipients", file, recipients);

    public static void WrotePlaintext(string file, string target) =>
        Logger.Information("Wrote the decrypted {File} to {Target} (mode 0600)", file, target);
}
