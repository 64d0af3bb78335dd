using Slipway.Engine;
using Slipway.Tooling;

partial class Build
{
    [Parameter("Build configuration: Debug locally, Release in CI")]
    readonly string Configuration = Environment.GetEnvironmentVariable("CI") is { Length: > 0 } ? "Release" : "Debug";

    AbsolutePath Solution => RootDirectory / "Slipway.slnx";
    PassedStamp TestsPassed => new(TemporaryDirectory / "tests-passed");
    string? _sourceFingerprint;

    string SourceFingerprint => _sourceFingerprint ??= Slipway.Tooling.SourceFingerprint.ComputeAsync(RootDirectory).GetAwaiter().GetResult();
    bool TestsPassedForTheseSources => TestsPassed.IsCurrent(SourceFingerprint);
    bool IsInvoked(string target) => InvokedTargets.Any(t => t.Name == target);

    async Task RunTestsAsync()
    {
        var environment = new Dictionary<string, string?>
        {
            ["SLIPWAY_ROOT"] = RootDirectory,
            ["SLIPWAY_STATE_DIRECTORY"] = StateDirectory,
            ["DOCKER_HOST"] = DockerHost,
        };
        TestsPassed.Clear();
        await DotNetTasks.TestAsync(Solution, Configuration, TemporaryDirectory / "test-results", environment);
        TestsPassed.Record(SourceFingerprint);
    }
}
