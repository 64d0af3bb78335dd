using Slipway.Secrets.Tests.Support;

namespace Slipway.Secrets.Tests;

public sealed class DotenvExportTests : IDisposable
{
    private readonly TempDir _dir = new();

    public DotenvExportTests() => AgeTool.Require();

    public void Dispose() => _dir.Dispose();

    private static UnixFileMode ModeOf(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(path);

    private async Task<SopsDocument> Document(params (string Key, string Value)[] values)
    {
        var (keyFile, recipient) = await AgeTool.NewIdentityAsync(_dir);
        await SopsDocument.CreateAsync(_dir.File("s.yaml"), new SopsCreationRule([recipient]), values.Select(v => KeyValuePair.Create(v.Key, v.Value)));
        return await SopsDocument.LoadAsync(_dir.File("s.yaml"), AgeKeySources.FromKeyFile(keyFile));
    }

    [Fact]
    public async Task TheEnvFileIsOwnerOnlyAndNamesFollowTheKeyPath()
    {
        var doc = await Document(("db/password", "s3cret"), ("api-token", "abc"), ("hosts/0", "a"));

        doc.WriteDotenv(_dir.File("app.env"));

        Assert.Equal("db_password=s3cret\napi_token=abc\nhosts_0=a\n", File.ReadAllText(_dir.File("app.env")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(_dir.File("app.env")));
    }

    [Fact]
    public async Task ASubtreeIsWrittenWithNamesRelativeToIt()
    {
        var doc = await Document(("prod/DB_PASSWORD", "p"), ("dev/DB_PASSWORD", "d"));

        doc.WriteDotenv(_dir.File("prod.env"), subtree: "prod");

        Assert.Equal("DB_PASSWORD=p\n", File.ReadAllText(_dir.File("prod.env")));
    }

    [Theory]
    [InlineData("plain-value_1.2", "plain-value_1.2")]
    [InlineData("two words", "'two words'")]
    [InlineData("$HOME `id` \"q\"", "'$HOME `id` \"q\"'")]
    [InlineData("it's", "\"it's\"")]
    [InlineData("a\nb", "\"a\\nb\"")]
    [InlineData("", "''")]
    public void ValuesAreQuotedOnlyWhenNeeded(string value, string expected)
    {
        Assert.Equal(expected, IO.DotenvWriter.Quote(value));
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("$HOME `id` \"q\" \\ back")]
    [InlineData("it's $not `expanded`")]
    public void AShellReadsEveryValueBackUnchanged(string value)
    {
        var file = _dir.Write("v.env", IO.DotenvWriter.Render([new("VALUE", value)]));

        var (code, output, _) = AgeTool.Run("sh", ["-c", $"set -a; . '{file}'; printf %s \"$VALUE\""]);

        Assert.Equal(0, code);
        Assert.Equal(value, System.Text.Encoding.UTF8.GetString(output));
    }

    [Fact]
    public async Task TwoKeysBecomingOneNameAreRefused()
    {
        var doc = await Document(("a-b", "1"), ("a_b", "2"));

        var ex = Assert.Throws<SecretsException>(() => doc.WriteDotenv(_dir.File("x.env")));

        Assert.Contains("'a-b' and 'a_b' both become $a_b", ex.Message);
        Assert.False(File.Exists(_dir.File("x.env")));
    }

    [Fact]
    public async Task DecryptedPlaintextIsOwnerOnly()
    {
        var doc = await Document(("k", "v"));

        doc.WritePlaintext(_dir.File("plain.yaml"));

        Assert.Equal("k: v\n", File.ReadAllText(_dir.File("plain.yaml")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, ModeOf(_dir.File("plain.yaml")));
    }
}
