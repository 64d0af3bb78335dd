using Slipway.Forge.Workflows;

namespace Slipway.Forge.Tests.Workflows;

public class BuildSurfaceTests
{
    [Fact]
    public void ReadsTheTargetsAndParameterFlagsOfABuildClass()
    {
        var build = BuildSurface.Of(typeof(SampleBuild));

        Assert.Equal(["Backup", "DeployDev", "DeployProd", "Rollback", "Test"], build.Targets);
        Assert.Equal(["--env", "--keep", "--registry-password", "--registry-url", "--to"], build.Parameters.Select(p => p.Flag));
        Assert.True(build.FindParameter("registry-password")!.IsSecret);
        Assert.Equal("Environment to deploy, roll back or inspect", build.FindParameter("env")!.Description);
    }

    [Theory]
    [InlineData("--registry-url")]
    [InlineData("RegistryUrl")]
    [InlineData("registry_url")]
    public void ParametersMatchAsTheEngineMatchesThem(string name) =>
        Assert.Equal("--registry-url", BuildSurface.Of(typeof(SampleBuild)).FindParameter(name)?.Flag);

    [Theory]
    [InlineData("RegistryUrl", "registry-url")]
    [InlineData("SSHKey", "ssh-key")]
    [InlineData("_retries", "retries")]
    [InlineData("KeepReleases", "keep-releases")]
    public void FlagsAreKebabCaseAsTheEngineDerivesThem(string member, string flag) =>
        Assert.Equal(flag, BuildSurface.ToKebabCase(member));
}
