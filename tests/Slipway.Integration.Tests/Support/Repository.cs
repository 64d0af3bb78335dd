namespace Slipway.Integration.Tests.Support;

/// <summary>Finds the repository root, so tests can publish the sample service and run the build.</summary>
public static class Repository
{
    public static string Root { get; } = Environment.GetEnvironmentVariable("SLIPWAY_ROOT") is { Length: > 0 } root
        ? root
        : FindRoot(AppContext.BaseDirectory);

    static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, ".nuke"))) return dir.FullName;
        throw new InvalidOperationException($"no .nuke folder above {start}; run the tests from the repository");
    }

    public static string TempDirectory(string name)
    {
        var path = Path.Combine(Root, ".nuke", "temp", "it", $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)]);
        Directory.CreateDirectory(path);
        return path;
    }
}
