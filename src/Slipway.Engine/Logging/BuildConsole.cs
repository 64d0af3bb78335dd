using Slipway.Engine.Cli;

namespace Slipway.Engine.Logging;

/// <summary>Routes all console output of a build through the secret masker and writes its raw lines: headers, CI groups, annotations.</summary>
internal sealed class BuildConsole : IDisposable
{
    const int Width = 47;
    readonly TextWriter _previousOut;
    readonly TextWriter _previousError;

    BuildConsole(TextWriter output, TextWriter error)
    {
        (_previousOut, _previousError) = (Console.Out, Console.Error);
        Out = new MaskingTextWriter(output);
        var maskedError = ReferenceEquals(output, error) ? Out : new MaskingTextWriter(error);
        Console.SetOut(Out);
        Console.SetError(maskedError);
    }

    public TextWriter Out { get; }
    public Verbosity Verbosity { get; set; } = Verbosity.Normal;
    public CiHost Host { get; set; }

    /// <summary>Redirects Console.Out and Console.Error until disposed.</summary>
    public static BuildConsole Attach(TextWriter output, TextWriter error) => new(output, error);

    public void BeginTarget(string name)
    {
        if (Host != CiHost.Local)
            Out.WriteLine($"::group::{name}");
        if (Verbosity >= Verbosity.Normal)
            Out.WriteLine($"=== {name} ".PadRight(Width, '='));
    }

    public void EndTarget()
    {
        if (Host != CiHost.Local)
            Out.WriteLine("::endgroup::");
    }

    /// <summary>A workflow command that puts the failure on the run's summary page (GitHub and Forgejo Actions).</summary>
    public void AnnotateFailure(string target, string message)
    {
        if (Host != CiHost.Local)
            Out.WriteLine($"::error title={Escape(target)}::{Escape(message)}");
    }

    public void WriteLines(IEnumerable<string> lines)
    {
        foreach (var line in lines)
            Out.WriteLine(line);
    }

    public void Dispose()
    {
        Out.Flush();
        Console.Error.Flush();
        Console.SetOut(_previousOut);
        Console.SetError(_previousError);
    }

    static string Escape(string text) =>
        text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
}
