namespace Slipway.Compose;

/// <summary>A compose file that cannot be loaded; the message is one line naming the place, the problem and the fix.</summary>
public sealed class ComposeFileException : Exception
{
    public ComposeFileException(string file, int line, int column, string keyPath, string problem)
        : base(Format(file, line, column, keyPath, problem))
    {
        File = file;
        Line = line;
        Column = column;
        KeyPath = keyPath;
        Problem = problem;
    }

    /// <summary>The compose file as it was named to the loader.</summary>
    public string File { get; }

    /// <summary>1-based line, or 0 when the problem has no single place in the file.</summary>
    public int Line { get; }

    /// <summary>1-based column, or 0 when the problem has no single place in the file.</summary>
    public int Column { get; }

    /// <summary>Slash-separated path of keys and list indexes (<c>services/web/ports/0</c>); empty at the top level.</summary>
    public string KeyPath { get; }

    /// <summary>The problem and its fix, without the place.</summary>
    public string Problem { get; }

    private static string Format(string file, int line, int column, string keyPath, string problem)
    {
        var place = line > 0 ? $"{file}:{line}:{column}" : file;
        return keyPath.Length > 0 ? $"{place} {keyPath}: {problem}" : $"{place}: {problem}";
    }
}
