using SampleService.Tests.Support;

namespace SampleService.Tests;

public sealed class SecretReaderTests : IDisposable
{
    private readonly TempDirectory _secrets = new();
    private readonly Dictionary<string, string> _environment = [];

    private SecretReader Reader => new(_secrets.Path, name => _environment.GetValueOrDefault(name));

    [Fact]
    public void ASecretFileBeatsTheEnvironmentVariable()
    {
        File.WriteAllText(_secrets.File("api_key"), "from-file");
        _environment["API_KEY"] = "from-env";

        var secret = Reader.Read("api_key");

        Assert.NotNull(secret);
        Assert.True(secret.Matches("from-file"));
        Assert.False(secret.Matches("from-env"));
    }

    [Fact]
    public void TheUpperCasedEnvironmentVariableIsUsedWhenThereIsNoFile()
    {
        _environment["API_KEY"] = "from-env";

        var secret = Reader.Read("api_key");

        Assert.NotNull(secret);
        Assert.True(secret.Matches("from-env"));
    }

    [Fact]
    public void AnEmptySecretFileFallsBackToTheEnvironmentVariable()
    {
        File.WriteAllText(_secrets.File("api_key"), "\n");
        _environment["API_KEY"] = "from-env";

        Assert.True(Reader.Read("api_key")!.Matches("from-env"));
    }

    [Fact]
    public void ASecretThatIsNowhereReadsAsNull()
    {
        Assert.Null(Reader.Read("api_key"));
    }

    [Fact]
    public void TheTrailingNewlineOfASecretFileIsNotPartOfTheSecret()
    {
        File.WriteAllText(_secrets.File("api_key"), "s3cret\r\n");

        Assert.True(Reader.Read("api_key")!.Matches("s3cret"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s3cre")]
    [InlineData("s3cret ")]
    [InlineData("S3CRET")]
    public void ASecretMatchesOnlyItsExactValue(string? candidate)
    {
        var secret = new Secret("s3cret");

        Assert.False(secret.Matches(candidate));
        Assert.True(secret.Matches("s3cret"));
    }

    [Fact]
    public void ASecretPrintsAsRedacted()
    {
        var secret = new Secret("s3cret");

        Assert.Equal("[REDACTED]", secret.ToString());
        Assert.DoesNotContain("s3cret", $"{secret}");
    }

    public void Dispose() => _secrets.Dispose();
}
