using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

/// <summary>Every error is one line: file:line:column, key path, problem and fix.</summary>
public sealed class ErrorTests
{
    [Fact]
    public void AnUnsupportedDeployKeyNamesFileLineColumnAndKeyPath()
    {
        // Given
        var prod = new ComposeSource("compose/prod.yml", "services:\n  web:\n    deploy:\n      replicas: 2\n      placement:\n        constraints: [node.role==manager]\n");

        // When
        var error = Inline.RefuseAll(new ComposeSource("compose/base.yml", "services:\n  web:\n    image: nginx\n"), prod);

        // Then
        Assert.Equal("compose/prod.yml:5:7 services/web/deploy: unsupported key 'placement' (supported: replicas)", error.Message);
        Assert.Equal(("compose/prod.yml", 5, 7, "services/web/deploy"), (error.File, error.Line, error.Column, error.KeyPath));
        Assert.Equal("unsupported key 'placement' (supported: replicas)", error.Problem);
    }

    [Fact]
    public void AnUnsupportedServiceKeyListsTheSupportedOnes()
    {
        var error = Inline.RefuseWeb("env_file: .env");

        Assert.Equal("compose/app.yml:4:5 services/web: unsupported key 'env_file' (supported: image, command, entrypoint, environment, ports, "
            + "expose, volumes, healthcheck, labels, restart, depends_on, networks, user, working_dir, stop_grace_period, stop_signal, "
            + "secrets, deploy, container_name)", error.Message);
    }

    [Fact]
    public void AnUnsupportedTopLevelKeyIsRefused()
    {
        var error = Inline.Refuse("services:\n  web:\n    image: nginx\nconfigs:\n  app: { file: ./app.conf }\n");

        Assert.Equal("compose/app.yml:4:1: unsupported key 'configs' (supported: name, services, volumes, networks, secrets)", error.Message);
    }

    [Fact]
    public void AnUnsupportedKeyInsideALongFormIsRefused()
    {
        var error = Inline.RefuseWeb("ports:\n  - target: 80\n    mode: host");

        Assert.Equal("compose/app.yml:6:9 services/web/ports/0: unsupported key 'mode' (supported: target, published, host_ip, protocol)", error.Message);
    }

    [Fact]
    public void AWrongNodeKindIsRefused()
    {
        var error = Inline.RefuseWeb("ports: \"8080:8080\"");

        Assert.Equal("compose/app.yml:4:12 services/web/ports: expected a sequence, got a scalar", error.Message);
    }

    [Fact]
    public void AWrongNodeKindNamesEveryAcceptedKind()
    {
        var error = Inline.RefuseWeb("command: { run: now }");

        Assert.Equal("compose/app.yml:4:14 services/web/command: expected a scalar or a sequence, got a mapping", error.Message);
    }

    [Fact]
    public void MalformedYamlCarriesYamlDotNetsMessageAndPlace()
    {
        var error = Inline.Refuse("services:\n  web:\n    image: 'nginx\n");

        Assert.StartsWith("compose/app.yml:3:12: malformed YAML: ", error.Message);
        Assert.Equal((3, 12, ""), (error.Line, error.Column, error.KeyPath));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void AMissingImageIsRefused()
    {
        var error = Inline.Refuse("services:\n  web:\n    command: serve\n");

        Assert.Equal("compose/app.yml:2:3 services/web: missing required key 'image' (every service needs an image after merging all files)", error.Message);
    }

    [Fact]
    public void ADuplicateKeyIsRefusedAtItsSecondOccurrence()
    {
        var error = Inline.Refuse("services:\n  web:\n    image: nginx\n    user: app\n    image: httpd\n");

        Assert.Equal("compose/app.yml:5:5 services/web: duplicate key 'image' (keep one of them)", error.Message);
    }

    [Fact]
    public void ADuplicateKeyInsideAListItemHasTheItemsPath()
    {
        var error = Inline.RefuseWeb("ports:\n  - target: 80\n    target: 81");

        Assert.Equal("compose/app.yml:6:9 services/web/ports/0: duplicate key 'target' (keep one of them)", error.Message);
    }

    [Fact]
    public void ADuplicateTopLevelKeyIsRefused()
    {
        var error = Inline.Refuse("services: {}\nservices: {}\n");

        Assert.Equal("compose/app.yml:2:1: duplicate key 'services' (keep one of them)", error.Message);
    }

    [Fact]
    public void AnEmptyFileIsRefused()
    {
        var error = Inline.Refuse("# nothing here\n");

        Assert.Equal("compose/app.yml: empty compose file (declare services, or leave the file out)", error.Message);
    }

    [Fact]
    public void ASecondYamlDocumentIsRefused()
    {
        var error = Inline.Refuse("services: {}\n---\nservices: {}\n");

        Assert.Equal("compose/app.yml:3:1: only one YAML document per compose file is supported (remove the '---' separator)", error.Message);
    }

    [Fact]
    public void ATopLevelListIsRefused()
    {
        var error = Inline.Refuse("- web\n");

        Assert.Equal("compose/app.yml:1:1: expected a mapping at the top level, got a sequence", error.Message);
    }

    [Fact]
    public void AnInvalidServiceNameIsRefused()
    {
        var error = Inline.Refuse("services:\n  \"my web\":\n    image: nginx\n");

        Assert.Equal("compose/app.yml:2:3 services/my web: invalid service name 'my web' (use letters, digits, '.', '_' and '-', starting with a letter or digit)", error.Message);
    }

    [Fact]
    public void AMissingFileIsRefusedNamingThePath()
    {
        var error = Assert.Throws<ComposeFileException>(() => new ComposeLoader().Load(["compose/missing.yml"], Inline.NoVariables));

        Assert.Equal("compose/missing.yml: file not found (check the compose file paths given to the pipeline)", error.Message);
    }
}
