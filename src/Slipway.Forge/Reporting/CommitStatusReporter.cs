using Serilog;
using Slipway.Forge.Api;

namespace Slipway.Forge.Reporting;

/// <summary>Sets commit statuses (pending, success, failure) for deploys, linked to the run; warns and goes on when it cannot.</summary>
public sealed class CommitStatusReporter
{
    readonly IForge? _forge;
    readonly string _unavailable;
    readonly ForgeLog _log;

    public CommitStatusReporter(IForge? forge, string unavailableReason = "no forge configured", ILogger? logger = null)
    {
        _forge = forge;
        _unavailable = unavailableReason;
        _log = new ForgeLog(logger);
    }

    public static CommitStatusReporter FromEnvironment(RunContext run, IReadOnlyDictionary<string, string> environment, HttpClient? http = null, ILogger? logger = null) =>
        new(ForgeConnection.TryCreate(run, environment, http ?? SharedHttp.Client, out var reason), reason, logger);

    /// <summary>context: e.g. "slipway/deploy-prod"; the status links to the run.</summary>
    public async Task<bool> TrySetAsync(RunContext run, CommitState state, string context, string description, CancellationToken ct = default)
    {
        var what = $"the {state.ToString().ToLowerInvariant()} status {context}";
        if (_forge is null)
        {
            _log.Unavailable(what, _unavailable);
            return false;
        }
        try
        {
            await _forge.SetCommitStatusAsync(new CommitStatus(run.Sha, state, context, description, run.RunUrl), ct);
            _log.StatusSet(context, run.ShortSha, Api.ForgejoRequests.StateName(state));
            return true;
        }
        catch (Exception exception)
        {
            _log.Failed(what, _forge.Name, exception.Message);
            return false;
        }
    }
}
