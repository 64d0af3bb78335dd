using System.Globalization;
using System.Text;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Stores;

/// <summary>
/// Writes sops trees as block YAML with a 4-space indent like sops, comments as '#' lines at their
/// collection's indentation (so they are read back into the same collection), multi-line strings as literal blocks.
/// </summary>
internal sealed class YamlTreeWriter
{
    private const int Step = 4;
    private readonly StringBuilder _out = new();

    public static string Write(IReadOnlyList<TreeBranch> documents)
    {
        var writer = new YamlTreeWriter();
        for (var i = 0; i < documents.Count; i++)
        {
            if (i > 0) writer._out.Append("---\n");
            if (documents[i].Count == 0) writer._out.Append("{}\n");
            else writer.Mapping(documents[i], 0, firstInline: false);
        }
        return writer._out.ToString();
    }

    // firstInline: the first line continues a "- " already written by the enclosing sequence.
    private void Mapping(TreeBranch branch, int indent, bool firstInline)
    {
        var inline = firstInline;
        foreach (var item in branch)
        {
            if (!inline) Pad(indent);
            inline = false;
            if (item.Key is Comment comment)
            {
                _out.Append('#').Append(comment.Value).Append('\n');
                continue;
            }
            _out.Append(Scalar((string)item.Key, -1)).Append(':');
            Value(item.Value, indent);
        }
    }

    private void Sequence(TreeSequence sequence, int indent)
    {
        foreach (var item in sequence)
        {
            Pad(indent);
            if (item is Comment comment)
            {
                _out.Append('#').Append(comment.Value).Append('\n');
                continue;
            }
            _out.Append('-');
            SequenceItem(item, indent);
        }
    }

    // A mapping item starts on the "- " line unless it opens with a comment; nested lists start below it.
    private void SequenceItem(object? item, int indent)
    {
        switch (item)
        {
            case TreeBranch { Count: > 0 } b:
                var inline = b[0].Key is string;
                _out.Append(inline ? ' ' : '\n');
                Mapping(b, indent + 2, firstInline: inline);
                break;
            case TreeSequence { Count: > 0 } s:
                _out.Append('\n');
                Sequence(s, indent + Step);
                break;
            default:
                Value(item, indent);
                break;
        }
    }

    // Writes what follows "key:" or "-": a scalar on the same line, or a nested collection below.
    private void Value(object? value, int indent)
    {
        switch (value)
        {
            case TreeBranch { Count: > 0 } b:
                _out.Append('\n');
                Mapping(b, indent + Step, firstInline: false);
                return;
            case TreeSequence { Count: > 0 } s:
                _out.Append('\n');
                Sequence(s, indent + Step);
                return;
            case TreeBranch:
                _out.Append(" {}\n");
                return;
            case TreeSequence:
                _out.Append(" []\n");
                return;
        }
        _out.Append(' ').Append(Scalar(value, indent)).Append('\n');
    }

    private string Scalar(object? value, int indent) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Float(d),
        string s => String(s, indent),
        _ => throw new InvalidOperationException($"cannot write a {value.GetType().Name} to YAML"),
    };

    private static string Float(double d)
    {
        if (double.IsNaN(d)) return ".nan";
        if (double.IsInfinity(d)) return d > 0 ? ".inf" : "-.inf";
        var text = d.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text.Replace("E", "e") : text + ".0";
    }

    private static string String(string s, int indent)
    {
        if (YamlScalars.CanBePlain(s)) return s;
        var body = s.TrimEnd('\n');
        var lines = body.Split('\n');
        var literal = indent >= 0 && body.Length > 0 && s.Contains('\n') && !lines[0].StartsWith(' ')
            && !s.Any(c => c is '\r' or '\t' || char.IsControl(c) && c != '\n' || YamlScalars.IsLineBreakLike(c));
        if (!literal) return YamlScalars.DoubleQuoted(s);
        var trailing = s.Length - body.Length;
        var chomp = trailing switch { 0 => "-", 1 => "", _ => "+" };
        var pad = new string(' ', indent + Step);
        var padded = lines.Select(l => l.Length == 0 ? "" : pad + l).Concat(Enumerable.Repeat("", Math.Max(0, trailing - 1)));
        return "|" + chomp + "\n" + string.Join("\n", padded);
    }

    private void Pad(int indent) => _out.Append(' ', indent);
}
