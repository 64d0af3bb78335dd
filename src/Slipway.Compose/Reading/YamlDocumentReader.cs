using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Slipway.Compose.Reading;

/// <summary>Parses one compose file into YamlDotNet's representation model, turning YAML problems into located errors.</summary>
internal static class YamlDocumentReader
{
    public static YamlMappingNode ReadRoot(ComposeSource source)
    {
        var stream = new YamlStream();
        try
        {
            // YamlStream reports a duplicate key without its key path, so find duplicates on the event stream first.
            ThrowOnDuplicateKey(source);
            stream.Load(new StringReader(source.Text));
        }
        catch (YamlException e)
        {
            var message = e.Message.ReplaceLineEndings(" ");
            throw new ComposeFileException(source.Path, (int)e.Start.Line, (int)e.Start.Column, "", $"malformed YAML: {message}");
        }
        if (stream.Documents.Count == 0)
            throw new ComposeFileException(source.Path, 0, 0, "", "empty compose file (declare services, or leave the file out)");
        if (stream.Documents.Count > 1)
            throw Place.Of(source.Path, stream.Documents[1].RootNode, "").Error("only one YAML document per compose file is supported (remove the '---' separator)");
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw Place.Of(source.Path, stream.Documents[0].RootNode, "").Error($"expected a mapping at the top level, got {NodeKindNames.Of(stream.Documents[0].RootNode)}");
        MergeKeyExpander.Expand(source.Path, root);
        return root;
    }

    private static void ThrowOnDuplicateKey(ComposeSource source)
    {
        var parser = new Parser(new StringReader(source.Text));
        var open = new Stack<Frame>();
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case DocumentStart:
                    open.Clear();
                    break;
                case NodeEvent node:
                    var path = Enter(open, node, source.Path);
                    if (node is MappingStart) open.Push(new Frame(path, IsMapping: true));
                    else if (node is SequenceStart) open.Push(new Frame(path, IsMapping: false));
                    break;
                case MappingEnd or SequenceEnd:
                    open.Pop();
                    break;
            }
        }
    }

    private static string Enter(Stack<Frame> open, NodeEvent node, string file)
    {
        if (!open.TryPeek(out var parent))
            return "";
        if (!parent.IsMapping)
            return KeyPaths.Join(parent.Path, parent.NextIndex++);
        if (parent.ExpectsKey)
        {
            parent.ExpectsKey = false;
            parent.CurrentKey = node is Scalar key ? key.Value : "?";
            if (node is Scalar && !parent.Keys.Add(parent.CurrentKey))
                throw new ComposeFileException(file, (int)node.Start.Line, (int)node.Start.Column, parent.Path,
                    $"duplicate key '{parent.CurrentKey}' (keep one of them)");
            return parent.Path;
        }
        parent.ExpectsKey = true;
        return KeyPaths.Join(parent.Path, parent.CurrentKey);
    }

    private sealed record Frame(string Path, bool IsMapping)
    {
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
        public bool ExpectsKey { get; set; } = true;
        public string CurrentKey { get; set; } = "";
        public int NextIndex { get; set; }
    }
}
