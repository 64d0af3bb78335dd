using Slipway.Backup.Restic;
using Slipway.Secrets;
using Slipway.Tooling;

namespace Slipway.Backup.Tests.Support;

/// <summary>A fresh restic repository in a temp folder, and the plain restic CLI on it (as a person would run it).</summary>
public sealed class TestRepository : IAsyncDisposable
{
    static readonly SemaphoreSlim s_templateGate = new(1, 1);
    static TempDirectory? s_template;
    readonly TempDirectory _directory = new();
    public SecretValue Password { get; } = new("test-password");
    public ResticRepository Repository { get; }
    public string Location => Repository.Settings.Repository;
    public string Scratch => _directory.File("scratch");

    TestRepository(string? location)
    {
        Repository = new ResticRepository(new ResticSettings(location ?? Path.Combine(_directory.Path, "repo"), Password));
    }

    /// <summary>A copy of one repository initialised per test run: restic's init calibrates its key derivation for seconds.</summary>
    public static async Task<TestRepository> CreateAsync(string? location = null)
    {
        var repository = new TestRepository(location);
        CopyDirectory(await TemplateAsync(repository.Password), repository.Repository.Settings.Repository);
        return repository;
    }

    static async Task<string> TemplateAsync(SecretValue password)
    {
        await s_templateGate.WaitAsync();
        try
        {
            if (s_template is null)
            {
                var template = new TempDirectory();
                await new ResticRepository(new ResticSettings(Path.Combine(template.Path, "repo"), password)).InitAsync();
                s_template = template;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
            }
            return Path.Combine(s_template.Path, "repo");
        }
        finally { s_templateGate.Release(); }
    }

    static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
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
