namespace Slipway.Engine;

/// <summary>Base class of a build: declare Target properties and [Parameter] members, then call Execute from Main.</summary>
public abstract partial class BuildBase
{
    /// <summary>The nearest ancestor of the current directory holding a .nuke/ folder, or --root.</summary>
    public AbsolutePath RootDirectory { get; internal set; } = (AbsolutePath)Directory.GetCurrentDirectory();

    /// <summary>RootDirectory/.nuke/temp, created on first use.</summary>
    public AbsolutePath TemporaryDirectory
    {
        get
        {
            var directory = RootDirectory / ".nuke" / "temp";
            Directory.CreateDirectory(directory);
            return directory;
        }
    }

    public CiHost Host { get; internal set; }
    public bool IsServerBuild => Host != CiHost.Local;
    public bool IsLocalBuild => !IsServerBuild;

    /// <summary>All targets in plan order, including skipped and not-run ones.</summary>
    public IReadOnlyCollection<ExecutableTarget> ExecutionPlan { get; internal set; } = [];

    public IReadOnlyCollection<ExecutableTarget> InvokedTargets => With(target => target.IsInvoked);
    public IReadOnlyCollection<ExecutableTarget> SucceededTargets => With(target => target.Status == ExecutionStatus.Succeeded);
    public IReadOnlyCollection<ExecutableTarget> FailedTargets => With(target => target.Status == ExecutionStatus.Failed);
    public IReadOnlyCollection<ExecutableTarget> SkippedTargets => With(target => target.Status == ExecutionStatus.Skipped);

    /// <summary>Runs after parameters are injected and the plan is made, before static conditions and requirements.</summary>
    protected virtual void OnBuildInitialized()
    {
    }

    /// <summary>Runs after the last target, whether the build succeeded or not.</summary>
    protected virtual void OnBuildFinished()
    {
    }

    /// <summary>Where [Secret] parameters are read from after the command line and environment; none by default.</summary>
    protected virtual IParameterSource? SecretParameterSource => null;

    internal void NotifyBuildInitialized() => OnBuildInitialized();
    internal void NotifyBuildFinished() => OnBuildFinished();
    internal IParameterSource? GetSecretParameterSource() => SecretParameterSource;

    IReadOnlyCollection<ExecutableTarget> With(Func<ExecutableTarget, bool> predicate) =>
        ExecutionPlan.Where(predicate).ToList();
}
