using System.Runtime.CompilerServices;
namespace Slipway.Engine.Tests.Support;

using Assert = Xunit.Assert;

/// <summary>Compares text with a file under Snapshots/, writing a .received file next to it on mismatch.</summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerFile = "")
    {
        var expectedPath = Path.Combine(AppContext.BaseDirectory, "Snapshots", name);
        var normalized = actual.Replace("\r\n", "\n");
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n") : null;
        if (expected != normalized)
            File.WriteAllText(Path.Combine(ProjectDirectory(callerFile), "Snapshots", name + ".received"), normalized);
        Assert.Equal(expected, normalized);
    }

    static string ProjectDirectory(string file)
    {
        var directory = Path.GetDirectoryName(file);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Slipway.Engine.Tests.csproj")))
            directory = Path.GetDirectoryName(directory);
        return directory ?? AppContext.BaseDirectory;
    }
}
