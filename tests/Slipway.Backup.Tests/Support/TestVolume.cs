using Docker.DotNet;
using Docker.DotNet.Models;
using Slipway.Docker;

namespace Slipway.Backup.Tests.Support;

/// <summary>A named volume of its own, written and inspected by containers of the helper image (an oracle independent of the
/// code under test); on dispose its containers and the volume are removed.</summary>
public sealed class TestVolume(IDockerClient docker) : IAsyncDisposable
{
    public string Name { get; } = "slipway-bt-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Files of every kind the restore must bring back: nested, empty, binary, long and odd names, owners, modes, links.</summary>
    public const string MixedContent = """
        set -e
        cd /data
        mkdir -p db/wal 'odd name/ünïcode' very/long/path/that/goes/on/and/on/and/on/beyond/the/hundred/characters/of/a/plain/ustar/header/field
        printf 'id,value\n1,alpha\n2,beta\n' > db/readings.csv
        head -c 3000000 /dev/urandom > db/wal/segment-0001
        head -c 70000 /dev/urandom > 'odd name/ünïcode/bin ary.dat'
        : > empty
        echo deep > very/long/path/that/goes/on/and/on/and/on/beyond/the/hundred/characters/of/a/plain/ustar/header/field/leaf.txt
        ln -s db/readings.csv latest.csv
        ln db/readings.csv hardlink.csv
        chown -R 999:999 db && chmod 0700 db && chmod 0640 db/readings.csv
        chmod 0750 /data
        """;

    public static async Task<TestVolume> CreateAsync(IDockerClient docker, string? script = null)
    {
        var volume = new TestVolume(docker);
        await docker.Volumes.CreateAsync(new VolumesCreateParameters
        {
            Name = volume.Name, Labels = new Dictionary<string, string> { ["org.slipway.test"] = "backup" },
        });
        if (script is not null) await volume.RunAsync(script);
        return volume;
    }

    /// <summary>Runs a bash script with the volume at /data and returns its output; a failing script fails the test.</summary>
    public async Task<string> RunAsync(string script)
    {
        var id = (await docker.Containers.CreateContainerAsync(Request(["bash", "-c", script]))).ID;
        try
        {
            await docker.Containers.StartContainerAsync(id, new ContainerStartParameters());
            var exit = await docker.Containers.WaitContainerAsync(id);
            var output = await new ContainerOperations(docker).TailLogsAsync(id, 1_000_000);
            Assert.True(exit.StatusCode == 0, $"script failed with {exit.StatusCode}: {output}");
            return output;
        }
        finally
        {
            await new ContainerOperations(docker).RemoveAsync(id);
        }
    }

    /// <summary>Path to SHA-256 of every regular file, by sha256sum in a container.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ChecksumsAsync() =>
        (await RunAsync("cd /data && find . -type f -print0 | sort -z | xargs -0 -r sha256sum"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(line => line[66..], line => line[..64]);

    /// <summary>Every path with its type, mode, owner and link target, the metadata a restore must keep.</summary>
    public Task<string> ListingAsync() => RunAsync("cd /data && find . -printf '%p %y %m %U:%G %l\\n' | sort");

    /// <summary>A running container that mounts the volume, as a service would.</summary>
    public async Task<string> StartServiceAsync()
    {
        var id = (await docker.Containers.CreateContainerAsync(Request(["bash", "-c", "trap 'exit 0' TERM; sleep infinity & wait"]))).ID;
        await docker.Containers.StartContainerAsync(id, new ContainerStartParameters());
        return id;
    }

    public async Task<State> StateAsync(string id) => (await docker.Containers.InspectContainerAsync(id)).State!;

    CreateContainerParameters Request(IList<string> command) => new()
    {
        Image = EngineFixture.HelperImage,
        Cmd = command,
        Labels = new Dictionary<string, string> { ["org.slipway.test"] = "backup" },
        HostConfig = new HostConfig { Mounts = [new Mount { Type = "volume", Source = Name, Target = "/data" }], NetworkMode = "none" },
    };

    public async Task RemoveContainersAsync()
    {
        var users = await docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true, Filters = new Dictionary<string, IDictionary<string, bool>> { ["volume"] = new Dictionary<string, bool> { [Name] = true } },
        });
        foreach (var container in users) await new ContainerOperations(docker).RemoveAsync(container.ID);
    }

    public async ValueTask DisposeAsync()
    {
        await RemoveContainersAsync();
        await new VolumeOperations(docker).RemoveAsync(Name);
    }
}
