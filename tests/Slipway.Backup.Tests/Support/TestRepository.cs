using Slipway.Backup.Restic;
using Slipway.Secrets;
using Slipway.Tooling;

namespace Slipway.Backup.Tests.Support;

/// <summary>A fresh restic repository in a temp folder, and the plain restic CLI on it (as a person would run it).</summary>
public sealed class TestRepository : IAsyncDisposable
{
    readonly TempDirectory _directory = new();
    public SecretValue Password { get; } = Some.Password();
    public string Location => Path.Combine(_directory.Path, "repo");
    public ResticRepository Repository { get; }
    public string Scratch => _directory.File("scratch");

    TestRepository(string? location)
    {
        Repository = new ResticRepository(new ResticSettings(location ?? Location, Password));
    }

    public static async Task<TestRepository> CreateAsync(string? location = null)
    {
        var repository = new TestRepository(location);
        await repository.Repository.InitAsync();
        return repository;
    }

    public static TestRepository Uninitialised() => new(null);

    /// <summary>restic itself, with only the password in its environment.</summary>
    public Task<ToolResult> ResticAsync(params string[] args) => ToolRunner.RunAsync(new ToolInvocation("restic", ["-r", Repository.Settings.Repository, .. args])
    {
        Environment = new Dictionary<string, string?> { ["RESTIC_PASSWORD"] = Password.Reveal() },
        ThrowOnFailure = false, Echo = OutputEcho.None,
    });

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
