using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

/// <summary>Loading real files from disk, base then override, like <c>docker compose -f compose.yml -f compose.prod.yml</c>.</summary>
public sealed class ComposeLoaderTests
{
    private static readonly string BaseFile = Path.Combine(RepoPaths.Fixtures, "compose.yml");
    private static readonly string ProdFile = Path.Combine(RepoPaths.Fixtures, "compose.prod.yml");
    private static readonly Dictionary<string, string> Release = Inline.Variables(("VERSION", "2.3.0"));

    [Fact]
    public void ABaseAndAnOverrideFileLoadIntoOneProject()
    {
        // When
        var project = new ComposeLoader().Load([BaseFile, ProdFile], Release);

        // Then
        var web = project.Services["web"];
        Assert.Equal("shop", project.Name);
        Assert.Equal("registry.example.com/shop/web:2.3.0", web.Image);
        Assert.Equal([new PortMapping(null, null, 8080, PortProtocol.Tcp), new PortMapping("127.0.0.1", 8001, 8080, PortProtocol.Tcp)], web.Ports);
        Assert.Equal(2, web.Replicas);
        Assert.Equal(new VolumeMount(MountType.Bind, Path.Combine(RepoPaths.Fixtures, "config"), "/app/config", true), web.Volumes[0]);
        Assert.Equal(["uploads", "pgdata"], project.Volumes.Keys);
        Assert.Equal(["db", "web"], DependencyOrder.Resolve(project).Select(service => service.Name));
        Assert.Equal([BaseFile, ProdFile], project.SourceFiles);
    }

    [Fact]
    public void TheSameFilesAndVariablesGiveTheSameHash()
    {
        var first = new ComposeLoader().Load([BaseFile, ProdFile], Release);
        var second = new ComposeLoader().Load([BaseFile, ProdFile], Release);
        var baseOnly = new ComposeLoader().Load([BaseFile], Release);

        Assert.Equal(first.Hash, second.Hash);
        Assert.NotEqual(first.Hash, baseOnly.Hash);
    }

    [Fact]
    public void AMissingRequiredVariableNamesTheFileLineAndVariable()
    {
        var error = Assert.Throws<ComposeFileException>(() => new ComposeLoader().Load([BaseFile], Inline.NoVariables));

        Assert.Equal($"{BaseFile}:5:12 services/web/image: required variable 'VERSION' is not set: set VERSION to the release tag", error.Message);
    }

    [Fact]
    public void AnErrorInAnOverrideNamesTheOverrideFile()
    {
        var badFile = Path.Combine(RepoPaths.Fixtures, "compose.bad.yml");

        var error = Assert.Throws<ComposeFileException>(() => new ComposeLoader().Load([BaseFile, badFile], Release));

        Assert.Equal($"{badFile}:6:7 services/web/deploy: unsupported key 'placement' (supported: replicas)", error.Message);
    }

    [Fact]
    public void NoFilesIsAnArgumentError()
    {
        Assert.Throws<ArgumentException>(() => new ComposeLoader().Load(Array.Empty<string>(), Inline.NoVariables));
    }
}
