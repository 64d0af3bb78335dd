using System.Formats.Tar;
using System.Net;
using System.Text;
using Docker.DotNet.Models;
using Slipway.Deploy.Releases;
using Slipway.Deploy.State;
using Slipway.Docker;
using Slipway.Integration.Tests.Support;

namespace Slipway.Integration.Tests;

/// <summary>Secrets on the real engine and registry, through the compiled build as users and workflows run it.</summary>
public static partial class SecretsPipelineTests
{
    /// <summary>A full pipeline run with a secrets file: the service gets its secret as a file, and no value leaks anywhere.</summary>
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public sealed class ADeployWithSecrets(SecretsPipelineFixture run) : IClassFixture<SecretsPipelineFixture>
    {
        static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

        async Task<ContainerInspectResponse> ContainerAsync()
        {
            Assert.True(run.Run.ExitCode == 0, run.Run.StandardOutput + run.Run.StandardError);
            var listed = await new ContainerOperations(run.Docker).ListAsync(new Dictionary<string, string>
            {
                [ComposeLabels.Project] = run.ProjectName, [ComposeLabels.Service] = "app",
            });
            return (await new ContainerOperations(run.Docker).InspectAsync(Assert.Single(listed).ID))!;
        }

        [Fact]
        public async Task TheServiceReadsItsApiKeyFromRunSecrets()
        {
            await ContainerAsync();

            Assert.DoesNotContain("has no value", run.Run.StandardOutput);
            Assert.Contains(await DeleteAsync(run.Values["api_key"]), new[] { HttpStatusCode.NoContent, HttpStatusCode.NotFound });
            Assert.Equal(HttpStatusCode.Unauthorized, await DeleteAsync("wrong-" + run.Values["api_key"]));
        }

        async Task<HttpStatusCode> DeleteAsync(string apiKey)
        {
            using var request = new HttpRequestMessage(HttpMethod.Delete, $"http://127.0.0.1:{run.Port}/readings/424242");
            request.Headers.Add("X-Api-Key", apiKey);
            using var response = await Http.SendAsync(request);
            return response.StatusCode;
        }

        [Fact]
        public async Task TheSecretFileIsReadableOnlyByTheServicesUser()
        {
            var container = await ContainerAsync();

            var archive = await run.Docker.Containers.GetArchiveFromContainerAsync(container.ID, new ContainerPathStatParameters { Path = "/run/secrets/api_key" }, false);
            using var copy = new MemoryStream();
            try { await archive.Stream!.CopyToAsync(copy); } catch (EndOfStreamException) { }
            copy.Position = 0;
            var entry = new TarReader(copy).GetNextEntry()!;

            Assert.Equal((UnixFileMode.UserRead, 10001), (entry.Mode, entry.Uid));
            Assert.Equal(run.Values["api_key"], new StreamReader(entry.DataStream!).ReadToEnd());
        }

        [Fact]
        public async Task DockerInspectShowsNoSecretInTheEnvironmentLabelsOrImageHistory()
        {
            var container = await ContainerAsync();
            var image = (await run.Docker.Images.InspectImageAsync(container.Image)).Config!;
            var history = await run.Docker.Images.GetImageHistoryAsync(container.Image);

            var config = container.Config!;
            var shown = string.Join("\n", config.Env.Concat(config.Labels.Select(l => $"{l.Key}={l.Value}"))
                .Concat(image.Env ?? []).Concat((image.Labels ?? new Dictionary<string, string>()).Select(l => $"{l.Key}={l.Value}"))
                .Concat(history.Select(h => $"{h.CreatedBy} {h.Comment}")));
            Assert.All(run.Values, secret => Assert.DoesNotContain(secret.Value, shown));
            Assert.DoesNotContain(config.Env, e => e.StartsWith("API_KEY=", StringComparison.Ordinal));
        }

        [Fact]
        public async Task TheRegistryLoginCameFromTheSecretsFile()
        {
            await ContainerAsync();
            using var anonymous = new RegistryClient(new RegistryEndpoint(run.Registry.Host));
            using var withLogin = new RegistryClient(run.Registry);

            Assert.Equal(HttpStatusCode.Unauthorized, await anonymous.PingAsync());
            Assert.NotNull(await withLogin.GetDigestAsync(SecretsPipelineFixture.ImageName, $"stable-{run.Environment}"));
        }

        [Fact]
        public async Task NoSecretValueIsInTheOutputTheLogsOrTheStoredRelease()
        {
            await ContainerAsync();
            var store = new StateStore(run.Docker, run.StateName);
            var stored = await store.ReadAsync(ReleaseHistory.PathOf(run.Environment)) ?? "";
            var places = new List<(string Where, byte[] Bytes)>
            {
                ("the build's output", Encoding.UTF8.GetBytes(run.Run.StandardOutput + run.Run.StandardError)),
                ("the stored release history", Encoding.UTF8.GetBytes(stored)),
                ("the audit log", Encoding.UTF8.GetBytes(await store.ReadAsync(AuditLog.PathOf(run.Environment)) ?? "")),
            };
            places.AddRange(FilesWrittenSince(Path.Combine(Repository.Root, ".nuke", "temp"), run.StartedAt));

            Assert.Contains("api_key", stored);
            Assert.True(places.Count > 3, "the run wrote no files under .nuke/temp");
            var leaks = from place in places
                        from secret in run.Values
                        where place.Bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(secret.Value)) >= 0
                        select $"{secret.Key} in {place.Where}";
            Assert.Empty(leaks);
        }

        /// <summary>Logs, results, the publish output, the registry's config and blobs: whatever the run left under the folder.</summary>
        static IEnumerable<(string, byte[])> FilesWrittenSince(string folder, DateTime since)
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                byte[]? bytes = null;
                try
                {
                    if (File.GetLastWriteTimeUtc(file) >= since) bytes = File.ReadAllBytes(file);
                }
                catch (IOException) { } // another test's file, gone since it was listed
                if (bytes is not null) yield return (file, bytes);
            }
        }
    }
}
