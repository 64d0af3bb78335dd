using Slipway.Compose.Schema;
using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

public sealed class SupportedSubsetTests
{
    private static readonly Dictionary<string, string> DocVariables = Inline.Variables(("VERSION", "1.4.2"), ("API_TOKEN", "t0k3n"));

    [Fact]
    public void TheSubsetFileLoadsAsAValidComposeFile()
    {
        // When
        var project = Inline.Load(ComposeSubset.Default.Text, DocVariables);

        // Then
        Assert.Equal("shop", project.Name);
        Assert.Equal(["web", "db", "migrations"], project.Services.Keys);
        Assert.Equal("registry.example.com/shop/web:1.4.2", project.Services["web"].Image);
        Assert.Equal(["data", "pgdata", "uploads"], project.Volumes.Keys);
        Assert.Equal(["front", "back", "edge"], project.Networks.Keys);
        Assert.Equal(["db_password", "api_key"], project.Secrets.Keys);
        Assert.Empty(project.Warnings);
    }

    [Fact]
    public void TheSubsetFileShowsMergeKeysWithWrittenKeysWinning()
    {
        var migrations = Inline.Load(ComposeSubset.Default.Text, DocVariables).Services["migrations"];

        Assert.Equal(new RestartPolicy(RestartMode.No), migrations.Restart);
        Assert.Equal("shop", migrations.Labels["shop.stack"]);
    }

    [Fact]
    public void TheSubsetFileIsEmbeddedUnchanged()
    {
        var onDisk = File.ReadAllText(Path.Combine(RepoPaths.ComposeProject, "supported-subset.yml"));

        Assert.Equal(onDisk.ReplaceLineEndings("\n"), ComposeSubset.Default.Text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void EveryDocumentedKeyHasACommentAboveIt()
    {
        // Given
        var lines = ComposeSubset.Default.Text.ReplaceLineEndings("\n").Split('\n');
        var keys = ComposeSubset.Default.Root.Descendants().Where(node => !node.Pattern.EndsWith('*') && !node.Pattern.EndsWith("[]"));

        // When
        var undocumented = keys.Where(key => !lines[key.Line - 2].TrimStart().TrimStart('-').TrimStart().StartsWith('#'));

        // Then
        Assert.Empty(undocumented.Select(key => $"{key.Pattern} (line {key.Line})"));
    }

    [Fact]
    public void TheSubsetCoversEveryKeyTheBriefNames()
    {
        var service = ComposeSubset.Default.Root.FixedKeys["services"].Entries!;

        Assert.Equal(["name", "services", "volumes", "networks", "secrets"], ComposeSubset.Default.Root.FixedKeys.Keys);
        Assert.Equal(
            ["image", "command", "entrypoint", "environment", "ports", "expose", "volumes", "healthcheck", "labels", "restart",
             "depends_on", "networks", "user", "working_dir", "stop_grace_period", "stop_signal", "secrets", "deploy", "container_name"],
            service.FixedKeys.Keys);
        Assert.Equal(["replicas"], service.FixedKeys["deploy"].FixedKeys.Keys);
    }

    [Fact]
    public void AKeyRemovedFromTheSubsetIsRefused()
    {
        // Given
        var reduced = ComposeSubset.Default.Text.Replace("    stop_signal: SIGTERM\n", "", StringComparison.Ordinal);

        // When
        var error = Assert.Throws<ComposeFileException>(() => Inline.LoadWithSubset(reduced, Inline.WebYaml("stop_signal: SIGINT")));

        // Then
        Assert.Equal("services/web", error.KeyPath);
        Assert.StartsWith("unsupported key 'stop_signal' (supported: image, command,", error.Problem);
        Assert.DoesNotContain("stop_signal,", error.Problem);
    }

    [Fact]
    public void AKeyAddedToTheSubsetIsAllowed()
    {
        // Given a subset that documents only image
        const string subset = "services:\n  app:\n    # The image.\n    image: nginx\n";

        // When
        var project = Inline.LoadWithSubset(subset, "services:\n  web:\n    image: nginx\n");
        var error = Assert.Throws<ComposeFileException>(() => Inline.LoadWithSubset(subset, Inline.WebYaml("user: app")));

        // Then
        Assert.Equal("nginx", project.Services["web"].Image);
        Assert.Equal("unsupported key 'user' (supported: image)", error.Problem);
    }

    [Fact]
    public void AKeyDocumentedButNotReadByTheLoaderIsReportedAsDrift()
    {
        // Given a subset that documents a key the loader has no reader for
        const string subset = "services:\n  app:\n    image: nginx\n    privileged: true\n";

        // When
        var error = Assert.Throws<ComposeFileException>(() => Inline.LoadWithSubset(subset, Inline.WebYaml("privileged: true")));

        // Then
        Assert.Equal("compose/app.yml:4:17 services/web/privileged: key is in supported-subset.yml but the loader does not read it "
            + "(teach the loader, or remove it from the subset)", error.Message);
    }

    [Fact]
    public void AFormMissingFromTheSubsetIsRefused()
    {
        // Given a subset that shows command only as a list
        const string subset = "services:\n  app:\n    image: nginx\n    command: [\"a\"]\n";

        // When
        var error = Assert.Throws<ComposeFileException>(() => Inline.LoadWithSubset(subset, Inline.WebYaml("command: run it")));

        // Then
        Assert.Equal("compose/app.yml:4:14 services/web/command: expected a sequence, got a scalar", error.Message);
    }

    [Fact]
    public void TheCanonicalTextOfTheSubsetFileLoadsBackToTheSameHash()
    {
        var project = Inline.Load(ComposeSubset.Default.Text, DocVariables);

        var reloaded = Inline.Load(project.ToCanonicalYaml());

        Assert.Equal(project.Hash, reloaded.Hash);
        Assert.Equal(project.ToCanonicalYaml(), reloaded.ToCanonicalYaml());
    }
}
