using System.Net;
using Slipway.Docker;
using Slipway.Integration.Tests.Support;

namespace Slipway.Integration.Tests;

public static partial class SecretsPipelineTests
{
    /// <summary>The embedded registry on test ports with their own state folders; the one on 5000 is never touched.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public sealed class TheEmbeddedRegistry : IAsyncLifetime
    {
        readonly int Port = FreePorts.Next();
        readonly string _state = Repository.TempDirectory("auth-registry");
        global::Docker.DotNet.IDockerClient _docker = null!;

        public async Task InitializeAsync() => _docker = await DockerConnection.ConnectAsync(Environment.GetEnvironmentVariable("DOCKER_HOST"));

        public Task DisposeAsync()
        {
            RegistryProcess.Stop(_state);
            _docker.Dispose();
            return Task.CompletedTask;
        }

        EmbeddedRegistry Registry(bool requiresLogin) => new(_state, Port) { RequiresLogin = requiresLogin };

        [Fact]
        public async Task RefusesAnUnauthenticatedPushAndKeepsItsGeneratedPasswordOwnerOnly()
        {
            // Given the registry as the build starts it, with no login in a secrets file
            var endpoint = await Registry(requiresLogin: true).EnsureRunningAsync();
            var credentials = Path.Combine(_state, "registry", "credentials");

            // When an image is pushed without logging in
            var images = new ImageOperations(_docker);
            var target = new ImageRef(endpoint.Host, "slipway-it/refused", "1", null);
            await images.TagAsync(EngineFixture.BaseImage, target);
            var error = await Assert.ThrowsAsync<RegistryException>(() => images.PushAsync(target, auth: null));
            await images.RemoveAsync(target.ToString());

            // Then it is refused, and the login the build uses is the generated one, kept outside git with mode 0600
            Assert.Contains("push of", error.Message);
            Assert.Equal("slipway", endpoint.Username);
            Assert.True(endpoint.Password!.Length >= 24);
            Assert.Equal($"slipway:{endpoint.Password}\n", File.ReadAllText(credentials));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(credentials));
            Assert.StartsWith("slipway:$2y$", File.ReadAllText(Path.Combine(_state, "registry", "htpasswd")));
            Assert.DoesNotContain(endpoint.Password, File.ReadAllText(Path.Combine(_state, "registry", "config.yml")));
            using var withLogin = new RegistryClient(endpoint);
            Assert.Equal(HttpStatusCode.OK, await withLogin.PingAsync());
        }

        [Fact]
        public async Task AnOpenRegistryFromAnEarlierVersionIsRestartedWithAuthentication()
        {
            // Given a registry started without authentication, as earlier builds did
            await Registry(requiresLogin: false).EnsureRunningAsync();
            using var anonymous = new RegistryClient(new RegistryEndpoint($"127.0.0.1:{Port}"));
            Assert.Equal(HttpStatusCode.OK, await anonymous.PingAsync());

            // When the build needs it now
            var endpoint = await Registry(requiresLogin: true).EnsureRunningAsync();

            // Then it answers only with the login
            using var withLogin = new RegistryClient(endpoint);
            Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.PingAsync());
            Assert.Equal(HttpStatusCode.OK, await withLogin.PingAsync());
        }
    }
}
