using Slipway.Secrets.Tree;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using Comment = Slipway.Secrets.Tree.Comment;

namespace Slipway.Secrets.Stores;

/// <summary>
/// Reads YAML into sops trees, keeping comments where sops keeps them: each comment line becomes a Comment
/// item in the innermost mapping or sequence whose indentation it sits at or inside. That choice matters
/// because a comment's ciphertext is bound to the key path of the collection holding it.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly string _text;
    private readonly IParser _parser;
    private readonly Dictionary<string, object?> _anchors = new(StringComparer.Ordinal);
    private readonly List<(Comment Comment, int Column)> _pending = [];
    private Mark _last = Mark.Empty;

    public YamlTreeReader(string text)
    {
        _text = text;
        _parser = new Parser(new Scanner(new StringReader(text), skipComments: false));
    }

    public List<TreeBranch> Read()
    {
        try
        {
            return ReadStream();
        }
        catch (YamlException ex)
        {
            throw new StoreFormatException(OneLine(ex.Message), (int)ex.Start.Line, (int)ex.Start.Column);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            throw new StoreFormatException("cannot parse from here (an unclosed bracket or quote?)", (int)_last.Line, (int)_last.Column);
        }
    }

    private List<TreeBranch> ReadStream()
    {
        var documents = new List<TreeBranch>();
        Expect<StreamStart>(Next());
        for (var ev = Next(); ev is not StreamEnd; ev = Next())
        {
            Expect<DocumentStart>(ev);
            var root = Next();
            var branch = root switch
            {
                MappingStart m => Mapping(m),
                Scalar { Value: "" } => new TreeBranch(),
                _ => throw Error(root, "a YAML document must be a mapping of keys; sequences and single values are not supported"),
            };
            Flush(branch, 0);
            documents.Add(branch);
            Expect<DocumentEnd>(Next());
        }
        if (_pending.Count > 0)
        {
            if (documents.Count == 0) documents.Add(new TreeBranch());
            Flush(documents[^1], 0);
        }
        return documents;
    }

    private TreeBranch Mapping(MappingStart start)
    {
        var branch = new TreeBranch();
        var indent = int.MaxValue;
        for (var ev = Next(); ev is not MappingEnd; ev = Next())
        {
            if (ev is not Scalar key) throw Error(ev, "only plain keys are supported, not complex or alias keys");
            indent = Math.Min(indent, (int)key.Start.Column);
            Flush(branch, 0);
            branch.Add(new TreeItem(key.Value, Node(Next())));
        }
        Flush(branch, indent);
        return Remember(start.Anchor, branch);
    }

    private TreeSequence Sequence(SequenceStart start)
    {
        var sequence = new TreeSequence();
        for (var ev = Next(); ev is not SequenceEnd; ev = Next())
        {
            FlushInto(sequence, 0);
            sequence.Add(Node(ev));
        }
        FlushInto(sequence, (int)start.Start.Column);
        return Remember(start.Anchor, sequence);
    }

    private object? Node(ParsingEvent ev) => ev switch
    {
        Scalar s => Remember(s.Anchor, YamlScalars.Resolve(s)),
        MappingStart m => Mapping(m),
        SequenceStart s => Sequence(s),
        AnchorAlias a => _anchors.TryGetValue(a.Value.Value, out var target)
            ? TreeCopy.Deep(target)
            : throw Error(ev, $"alias *{a.Value.Value} names no anchor"),
        _ => throw Error(ev, "unexpected YAML event"),
    };

    private T Remember<T>(AnchorName anchor, T value)
    {
        if (!anchor.IsEmpty) _anchors[anchor.Value] = value;
        return value;
    }

    // Pending comments at or right of `column` belong to the collection being closed; the rest bubble up.
    private void Flush(TreeBranch branch, int column)
    {
        while (_pending.Count > 0 && _pending[0].Column >= column)
        {
            branch.Add(new TreeItem(_pending[0].Comment, null));
            _pending.RemoveAt(0);
        }
    }

    private void FlushInto(TreeSequence sequence, int column)
    {
        while (_pending.Count > 0 && _pending[0].Column >= column)
        {
            sequence.Add(_pending[0].Comment);
            _pending.RemoveAt(0);
        }
    }

    private ParsingEvent Next()
    {
        while (true)
        {
            if (!_parser.MoveNext()) throw new StoreFormatException("unexpected end of YAML", (int)_last.Line, (int)_last.Column);
            var ev = _parser.Current!;
            _last = ev.Start;
            if (ev is not YamlDotNet.Core.Events.Comment comment) return ev;
            _pending.Add((new Comment(RawComment(comment)), (int)comment.Start.Column));
        }
    }

    // sops keeps the text after '#' verbatim (leading space included); YamlDotNet trims it, so read the source.
    private string RawComment(YamlDotNet.Core.Events.Comment comment)
    {
        var at = (int)comment.Start.Index;
        if (at < 0 || at >= _text.Length || _text[at] != '#') return comment.Value;
        var end = _text.IndexOfAny(['\n', '\r'], at);
        return (end < 0 ? _text[(at + 1)..] : _text[(at + 1)..end]).TrimEnd();
    }

    private static void Expect<T>(ParsingEvent ev) where T : ParsingEvent
    {
        if (ev is not T) throw Error(ev, $"expected {typeof(T).Name}");
    }

    private static StoreFormatException Error(ParsingEvent ev, string problem) =>
        new(problem, (int)ev.Start.Line, (int)ev.Start.Column);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
