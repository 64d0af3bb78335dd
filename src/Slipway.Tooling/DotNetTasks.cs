using System.Xml.Linq;

namespace Slipway.Tooling;

/// <summary>Counts of one test run, summed over every test project.</summary>
public sealed record TestSummary(int Passed, int Failed, int Skipped)
{
    /// <summary>The closing line CI reads: "N passed, N failed, N skipped".</summary>
    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}

/// <summary>The dotnet CLI calls the build makes: build, test (with TRX results summed up), publish.</summary>
public static class DotNetTasks
{
    public static Task BuildAsync(string project, string configuration, CancellationToken ct = default) =>
        ToolRunner.RunAsync(new ToolInvocation("dotnet", ["build", project, "-c", configuration, "--nologo", "-clp:NoSummary"]) { Echo = OutputEcho.Information }, ct);

    /// <summary>Runs the tests and returns the summed TRX counters; throws when a test failed or none ran.</summary>
    public static async Task<TestSummary> TestAsync(string project, string configuration, string resultsDirectory,
        IReadOnlyDictionary<string, string?> environment, CancellationToken ct = default)
    {
        if (Directory.Exists(resultsDirectory)) Directory.Delete(resultsDirectory, recursive: true);
        var result = await ToolRunner.RunAsync(new ToolInvocation("dotnet",
            ["test", project, "-c", configuration, "--no-build", "--nologo", "--logger", "trx", "--results-directory", resultsDirectory])
        {
            Echo = OutputEcho.Information, ThrowOnFailure = false, Environment = environment,
        }, ct);
        var summary = ReadTrxSummary(resultsDirectory);
        // A plain line, not a log event: CI reads "Tests: N passed, N failed, N skipped" as the run's verdict.
        Console.Out.WriteLine($"Tests: {summary}");
        if (summary.Failed > 0) throw new TestsFailedException($"{summary.Failed} test(s) failed; their output is above");
        if (result.ExitCode != 0) throw new TestsFailedException($"dotnet test exited with code {result.ExitCode}; see the output above");
        if (summary.Passed == 0) throw new TestsFailedException("no test ran; check that the test projects build and are part of the solution");
        return summary;
    }

    /// <summary>Publishes into an emptied folder: files left from an earlier publish must not end up in an image.</summary>
    public static async Task PublishAsync(string project, string output, string runtime, IReadOnlyDictionary<string, string> properties, CancellationToken ct = default)
    {
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        await ToolRunner.RunAsync(new ToolInvocation("dotnet",
            ["publish", project, "-c", "Release", "-r", runtime, "--self-contained", "-o", output, "--nologo",
             .. properties.Select(p => $"-p:{p.Key}={p.Value}")]) { Echo = OutputEcho.Debug }, ct);
    }

    static TestSummary ReadTrxSummary(string resultsDirectory)
    {
        XNamespace ns = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";
        var counters = Directory.Exists(resultsDirectory)
            ? Directory.EnumerateFiles(resultsDirectory, "*.trx", SearchOption.AllDirectories)
                .Select(f => XDocument.Load(f).Descendants(ns + "Counters").Single()).ToList()
            : [];
        int Sum(string attribute) => counters.Sum(c => (int?)c.Attribute(attribute) ?? 0);
        return new TestSummary(Sum("passed"), Sum("failed") + Sum("error") + Sum("timeout") + Sum("aborted"), Sum("notExecuted"));
    }
}

/// <summary>The test run failed or ran nothing.</summary>
public sealed class TestsFailedException(string message) : Exception(message);
