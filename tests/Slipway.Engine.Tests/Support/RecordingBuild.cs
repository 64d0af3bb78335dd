namespace Slipway.Engine.Tests.Support;

/// <summary>A build that records which targets ran, readable even when the run ended before the build was created.</summary>
public abstract class RecordingBuild : BuildBase
{
    [ThreadStatic] static List<string>? t_journal;
    [ThreadStatic] static RecordingBuild? t_last;

    protected RecordingBuild()
    {
        Executed = t_journal ?? [];
        t_last = this;
    }

    public List<string> Executed { get; }

    internal static List<string> StartJournal()
    {
        t_last = null;
        return t_journal = [];
    }

    internal static RecordingBuild? Last => t_last;

    protected void Record(string name) => Executed.Add(name);
}
