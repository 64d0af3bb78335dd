namespace Slipway.Engine.Tests.Support;

/// <summary>A throw-away root directory holding an empty .nuke/ folder.</summary>
internal sealed class TempRoot : IDisposable
{
    public TempRoot()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "slipway-engine-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(System.IO.Path.Combine(Path, ".nuke"));
    }

    public string Path { get; }

    /// <summary>Writes .nuke/parameters.json, or .nuke/parameters.&lt;profile&gt;.json.</summary>
    public TempRoot WithParameters(string json, string? profile = null)
    {
        var name = profile is null ? "parameters.json" : $"parameters.{profile}.json";
        File.WriteAllText(System.IO.Path.Combine(Path, ".nuke", name), json);
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
