using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Slipway.Secrets.Tree;

namespace Slipway.Secrets.Stores;

/// <summary>JSON files: one top-level object, every number a float as in sops, tab-indented output.</summary>
internal class JsonStore : ISopsStore
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentCharacter = '\t',
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public bool CanWrite => true;

    public virtual ParsedFile Parse(string text) => SopsStores.SplitMetadata([ReadObject(text)]);

    public virtual string Emit(IReadOnlyList<TreeBranch> branches, TreeBranch? metadata) =>
        Write(metadata is null ? branches[0] : new TreeBranch(branches[0]) { new TreeItem(SopsStores.MetadataKey, metadata) });

    protected static TreeBranch ReadObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new StoreFormatException("sops only supports JSON files with a top-level object; wrap the data in {\"data\": ...}", 1, 1);
            return (TreeBranch)Convert(document.RootElement)!;
        }
        catch (JsonException ex)
        {
            var problem = ex.Message.Split(" LineNumber:")[0].ReplaceLineEndings(" ").Trim();
            throw new StoreFormatException(problem, (int)(ex.LineNumber ?? -1) + 1, (int)(ex.BytePositionInLine ?? -1) + 1);
        }
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => new TreeBranch(element.EnumerateObject().Select(p => new TreeItem(p.Name, Convert(p.Value)))),
        JsonValueKind.Array => new TreeSequence(element.EnumerateArray().Select(Convert)),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    protected static string Write(TreeBranch branch)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            WriteValue(writer, branch);
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case TreeBranch branch:
                writer.WriteStartObject();
                foreach (var item in branch.Where(i => i.Key is string))
                {
                    writer.WritePropertyName((string)item.Key);
                    WriteValue(writer, item.Value);
                }
                writer.WriteEndObject();
                break;
            case TreeSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Values) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            case string s: writer.WriteStringValue(s); break;
            case long l: writer.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): writer.WriteNumberValue(d); break;
            case double d: writer.WriteStringValue(GoFormat.Float(d)); break;
            case bool b: writer.WriteBooleanValue(b); break;
            default: writer.WriteNullValue(); break;
        }
    }
}

/// <summary>
/// Any other file: encrypted, a JSON object whose "data" holds the whole plaintext; decrypted, that text as is.
/// </summary>
internal sealed class BinaryStore : JsonStore, ISopsStore
{
    List<TreeBranch> ISopsStore.ParsePlain(string text) => [new TreeBranch { new TreeItem("data", text) }];

    public override string Emit(IReadOnlyList<TreeBranch> branches, TreeBranch? metadata) => metadata is null
        ? branches[0].Find("data")?.Value as string ?? throw new StoreFormatException("binary file has no string `data` entry")
        : base.Emit(branches, metadata);
}
