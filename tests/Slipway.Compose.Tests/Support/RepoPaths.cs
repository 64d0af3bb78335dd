namespace Slipway.Compose.Tests.Support;

/// <summary>Finds source folders from the test's output directory.</summary>
internal static class RepoPaths
{
    public static string ComposeProject => Path.Combine(Root, "src", "Slipway.Compose");

    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    private static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Directory.Packages.props")))
                directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("repository root not found above the test output");
        }
    }
}
