using Slipway.Forge.Api;
using Slipway.Forge.Reporting;

namespace Slipway.Forge.Tests.Reporting;

public class FailureReporterTests
{
    /// <summary>A forge whose every call fails the way a bug in the reporter's path would.</summary>
    sealed class BrokenForge : IForge
    {
        public string Name => "Forgejo";
        public Task<IReadOnlyList<ForgeIssue>> FindOpenIssuesAsync(string label, string bodyContains, CancellationToken ct = default) =>
            throw new InvalidOperationException("unexpected JSON");
        public Task<ForgeIssue> CreateIssueAsync(string title, string body, IReadOnlyList<string> labels, CancellationToken ct = default) => throw new NotSupportedException();
        public Task CommentAsync(int number, string body, CancellationToken ct = default) => throw new NotSupportedException();
        public Task CloseIssueAsync(int number, string comment, CancellationToken ct = default) => throw new NotSupportedException();
        public Task SetCommitStatusAsync(CommitStatus status, CancellationToken ct = default) => throw new TimeoutException("slow forge");
        public Task<long> EnsureLabelIdAsync(string name, CancellationToken ct = default) => throw new NotSupportedException();
    }

    [Fact]
    public async Task AnyExceptionFromTheForgeBecomesOneWarning()
    {
        var log = new CollectingSink();
        var reporter = new FailureReporter(new BrokenForge(), logger: log.Logger);

        Assert.False(await reporter.TryReportFailureAsync(Some.Run(), "DeployProd", "broken"));
        Assert.False(await reporter.TryReportSuccessAsync(Some.Run(), "deploy-prod", "main"));

        Assert.Equal(2, log.Warnings.Count);
        Assert.Equal("Could not report the failure of DeployProd to \"Forgejo\": InvalidOperationException: unexpected JSON", log.Warnings[0]);
    }

    [Fact]
    public async Task AStatusThatCannotBeSetIsOneWarning()
    {
        var log = new CollectingSink();
        Assert.False(await new CommitStatusReporter(new BrokenForge(), logger: log.Logger)
            .TrySetAsync(Some.Run(), CommitState.Pending, "slipway/deploy-prod", "Deploying"));
        Assert.Contains("slow forge", Assert.Single(log.Warnings));
    }
}
