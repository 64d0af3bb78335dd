using System.Text;
using Slipway.Compose;
using Slipway.Docker;

namespace Slipway.Deploy.Tests;

/// <summary>Secret values reach containers only when they are created; the model and the stored configuration keep names.</summary>
public sealed class SecretResolverTests : IDisposable
{
    const string Value = "s3cret-Value-9f2c";
    readonly string _directory = Path.Combine(Path.GetTempPath(), $"slipway-secret-resolver-{Guid.NewGuid():N}");

    public SecretResolverTests()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "compose.yml"), """
            services:
              app:
                image: ${IMAGE}
                environment:
                  LOG_LEVEL: Information
                  TOKEN_FOR_OLD_CLIENT: ${API_KEY}
                secrets:
                  - api_key
                  - source: db_password
                    target: /etc/app/db.txt
            secrets:
              api_key:
                environment: API_KEY
              db_password:
                environment: DB_PASSWORD
            """);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    DeployRequest Request(params (string Name, string Value)[] secrets) =>
        new("dev", "shop-dev", [Path.Combine(_directory, "compose.yml")], ImageRef.Parse("registry/app@sha256:1"), "abc", "1.0")
        {
            Secrets = secrets.ToDictionary(s => s.Name, s => s.Value),
        };

    static ContainerSpec Map(DeployRequest request, out ServiceSecrets secrets)
    {
        var project = Deployer.LoadProject(request);
        secrets = SecretResolver.For(request).Resolve(project, project.Services["app"]);
        return ServiceContainerMapper.Map(project, project.Services["app"], 1, new Dictionary<string, string>(), secrets);
    }

    [Fact]
    public void EachServiceSecretBecomesAnOwnerReadOnlyFile()
    {
        var spec = Map(Request(("API_KEY", Value), ("DB_PASSWORD", "db-pass")), out var secrets);

        Assert.Empty(secrets.Warnings);
        Assert.Collection(spec.Files,
            file => Assert.Equal(("/run/secrets/api_key", Value, UnixFileMode.UserRead), (file.Path, Encoding.UTF8.GetString(file.Content), file.Mode)),
            file => Assert.Equal(("/etc/app/db.txt", "db-pass"), (file.Path, Encoding.UTF8.GetString(file.Content))));
    }

    [Fact]
    public void TheStoredConfigurationHoldsAReferenceAndTheContainerTheValueTheComposeFileAskedFor()
    {
        var request = Request(("API_KEY", Value), ("DB_PASSWORD", "db-pass"));

        var yaml = Deployer.LoadProject(request).ToCanonicalYaml();
        var spec = Map(request, out _);

        Assert.DoesNotContain(Value, yaml);
        Assert.Contains("TOKEN_FOR_OLD_CLIENT: \"$${API_KEY}\"", yaml);
        Assert.Equal(Value, spec.Environment["TOKEN_FOR_OLD_CLIENT"]);
    }

    [Fact]
    public void AStoredConfigurationResolvesTheSameWayOnRollback()
    {
        var yaml = Deployer.LoadProject(Request(("API_KEY", "old"), ("DB_PASSWORD", "x"))).ToCanonicalYaml();
        var rollback = Request(("API_KEY", Value), ("DB_PASSWORD", "x")) with { StoredConfig = yaml, ReleaseId = "r1" };

        var spec = Map(rollback, out _);

        Assert.Equal(Value, spec.Environment["TOKEN_FOR_OLD_CLIENT"]);
        Assert.Equal(Value, Encoding.UTF8.GetString(spec.Files[0].Content));
    }

    [Fact]
    public void AChangedValueChangesTheConfigHashWhichNeverHoldsIt()
    {
        var first = Map(Request(("API_KEY", Value), ("DB_PASSWORD", "x")), out _);
        var second = Map(Request(("API_KEY", Value + "2"), ("DB_PASSWORD", "x")), out _);

        Assert.NotEqual(first.Labels[ComposeLabels.ConfigHash], second.Labels[ComposeLabels.ConfigHash]);
        Assert.DoesNotContain(first.Labels.Values, label => label.Contains(Value));
        Assert.DoesNotContain(Value, System.Text.Json.JsonSerializer.Serialize(first.Files));
    }

    [Fact]
    public void ASecretWithoutAValueIsLeftOutWithAWarningNamingTheFix()
    {
        var spec = Map(Request(("DB_PASSWORD", "x")), out var secrets);

        Assert.Equal("/etc/app/db.txt", Assert.Single(spec.Files).Path);
        Assert.Contains(secrets.Warnings, w => w.StartsWith("secret 'api_key' of service app has no value (API_KEY is not set: add it to the secrets file with ./build.sh SecretsSet --key api_key)", StringComparison.Ordinal));
    }
}
