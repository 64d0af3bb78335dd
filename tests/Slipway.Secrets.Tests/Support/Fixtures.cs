namespace Slipway.Secrets.Tests.Support;

/// <summary>The sops fixtures copied next to the test assembly (see fixtures/PROVENANCE.md).</summary>
internal static class Fixtures
{
    public static string Path(string relative) => System.IO.Path.Combine(AppContext.BaseDirectory, "fixtures", relative);

    public static string KeysFile => Path("keys/keys.txt");

    public static readonly string[] AgeRecipients =
    [
        "age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw",
        "age1tmaae3ld5vpevmsh5yacsauzx8jetg300mpvc4ugp5zr5l6ssq9sla97ep",
    ];

    public const string PgpFingerprint = "FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4";

    /// <summary>Copies a fixture into a scratch directory so a test may change it.</summary>
    public static string CopyTo(TempDir dir, string relative)
    {
        var target = dir.File(System.IO.Path.GetFileName(relative));
        File.Copy(Path(relative), target);
        return target;
    }
}
