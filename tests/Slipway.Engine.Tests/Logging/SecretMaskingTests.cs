using Serilog;
using Slipway.Engine.Tests.Support;

namespace Slipway.Engine.Tests.Logging;

using Assert = Xunit.Assert;

public sealed class SecretMaskingTests
{
    const string Token = "tok-7f3a9c21e5";

    sealed class LeakyBuild : RecordingBuild
    {
        [Parameter, Secret] readonly string? ApiToken;

        public Target Leak => _ => _.Executes(() =>
        {
            Log.Information("Using token {Token}", ApiToken);
            Log.Warning($"Interpolated {ApiToken}");
            Console.WriteLine($"console {ApiToken}");
            Console.Write(ApiToken![..5]);
            Console.WriteLine(ApiToken[5..]);
            Console.Error.WriteLine($"stderr {ApiToken}");
            throw new InvalidOperationException($"Login with {ApiToken} was refused");
        });
    }

    [Theory]
    [InlineData("normal")]
    [InlineData("verbose")]
    public void ASecretNeverAppearsInTheOutput(string verbosity)
    {
        var run = BuildRunner.Run<LeakyBuild>(x => x.Leak, ["--verbosity", verbosity], new() { ["API_TOKEN"] = Token }, root: null);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain(Token, run.Output);
        Assert.Contains("[INF] Using token ****", run.Output);
        Assert.Contains("console ****", run.Output);
        Assert.Contains("stderr ****", run.Output);
        Assert.Contains("Login with **** was refused", run.Output);
    }

    [Fact]
    public void ASecretGivenOnTheCommandLineIsMaskedToo()
    {
        var run = BuildRunner.Run<LeakyBuild>(x => x.Leak, "--api-token", "cli-9b8d7e6f");

        Assert.DoesNotContain("cli-9b8d7e6f", run.Output);
        Assert.Contains("// Login with **** was refused", run.Output);
    }

    [Fact]
    public void ShortValuesAreNotMasked()
    {
        SecretMasker.Register("abc");

        Assert.Equal("abc", SecretMasker.Mask("abc"));
    }

    [Fact]
    public void ASecretContainingAnotherIsMaskedWhole()
    {
        SecretMasker.Register("inner-secret-1");
        SecretMasker.Register("outer-inner-secret-1-x");

        Assert.Equal("[****]", SecretMasker.Mask("[outer-inner-secret-1-x]"));
    }
}
