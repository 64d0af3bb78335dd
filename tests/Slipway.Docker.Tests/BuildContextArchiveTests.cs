using System.Formats.Tar;
using Slipway.Docker;

namespace Slipway.Docker.Tests;

public sealed class BuildContextArchiveTests
{
    static string NewContext()
    {
        var dir = Directory.CreateTempSubdirectory("slipway-context-").FullName;
        File.WriteAllText(Path.Combine(dir, "app.txt"), "hello");
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "sub", "b.txt"), "b");
        return dir;
    }

    static async Task<List<string>> NamesAsync(Stream archive)
    {
        var names = new List<string>();
        await using var reader = new TarReader(archive);
        while (await reader.GetNextEntryAsync() is { } entry) names.Add(entry.Name);
        return names;
    }

    [Fact]
    public async Task ADockerfileOutsideTheContextIsAddedUnderItsOwnName()
    {
        var context = NewContext();
        var dockerfile = Path.Combine(Directory.CreateTempSubdirectory().FullName, "Dockerfile");
        File.WriteAllText(dockerfile, "FROM scratch");

        var (archive, inArchive) = await BuildContextArchive.CreateAsync(context, dockerfile);

        Assert.Equal(BuildContextArchive.ExternalDockerfileName, inArchive);
        Assert.Equal(["app.txt", "sub/b.txt", BuildContextArchive.ExternalDockerfileName], await NamesAsync(archive));
    }

    [Fact]
    public async Task TheSameContentGivesTheSameArchive()
    {
        var context = NewContext();
        File.WriteAllText(Path.Combine(context, "Dockerfile"), "FROM scratch");

        var (first, _) = await BuildContextArchive.CreateAsync(context, Path.Combine(context, "Dockerfile"));
        File.SetLastWriteTimeUtc(Path.Combine(context, "app.txt"), DateTime.UtcNow.AddDays(-3));
        var (second, inArchive) = await BuildContextArchive.CreateAsync(context, Path.Combine(context, "Dockerfile"));

        Assert.Equal("Dockerfile", inArchive);
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public async Task AMissingContextNamesTheParameterToFix()
    {
        var error = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => BuildContextArchive.CreateAsync("/nonexistent/context", "/nonexistent/Dockerfile"));

        Assert.Contains("--docker-context", error.Message);
    }
}
