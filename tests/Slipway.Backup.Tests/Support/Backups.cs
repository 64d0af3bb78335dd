using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Backup.Restic;

namespace Slipway.Backup.Tests.Support;

/// <summary>The library's entry points wired to the real engine and a test repository.</summary>
public static class Backups
{
    public static BackupRunner Runner(EngineFixture engine, TestRepository repository) => new(engine.Docker, repository.Repository, EngineFixture.HelperImage);

    public static RestoreRunner Restorer(EngineFixture engine, TestRepository repository) => new(engine.Docker, repository.Repository, EngineFixture.HelperImage);

    public static BackupRequest Request(string environment, params TestVolume[] volumes) =>
        new(environment, BackupKind.Daily, "1.0.0", Some.Commit) { Volumes = volumes.Select(v => v.Name).ToList(), Retention = null };

    /// <summary>A snapshot of a few bytes, straight through restic, for building a history.</summary>
    public static Task<ResticSummary> TinyAsync(TestRepository repository, string environment, BackupKind kind, DateTimeOffset time) =>
        repository.Repository.BackupAsync(
            new ResticBackup($"{environment}.tar", SnapshotTags.For(environment, kind, "1.0.0", Some.Commit, Guid.NewGuid().ToString("N")[..12])) { Time = time },
            async (stdin, ct) => await stdin.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"{environment} {kind} {time:o}"), ct));

    /// <summary>Backup helper containers the library left for a volume; there must be none.</summary>
    public static async Task<IList<ContainerListResponse>> HelpersAsync(IDockerClient docker, TestVolume volume) =>
        await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = new Dictionary<string, bool> { [$"org.slipway.role=backup-helper"] = true, [$"org.slipway.volume={volume.Name}"] = true },
            },
        });
}
