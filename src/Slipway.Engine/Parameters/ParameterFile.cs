using System.Text.Json;

namespace Slipway.Engine.Parameters;

/// <summary>The values of one .nuke/parameters*.json file, keyed by parameter and already split into tokens.</summary>
internal sealed record ParameterFile(string DisplayPath, IReadOnlyDictionary<ParameterMember, IReadOnlyList<string>> Values)
{
    const string SchemaKey = "$schema";
    static readonly JsonDocumentOptions s_options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Highest precedence first: the last profile, ..., the first profile, then parameters.json if it exists.</summary>
    public static IReadOnlyList<ParameterFile> LoadAll(AbsolutePath root, IReadOnlyList<string> profiles, IReadOnlyList<ParameterMember> parameters)
    {
        var files = profiles.Reverse().Select(profile => Load(root, $"parameters.{profile}.json", parameters)
            ?? throw new BuildUsageException(
                $"Profile '{profile}' not found: .nuke/parameters.{profile}.json does not exist; create it or drop --profile {profile}"))
            .ToList();
        if (Load(root, "parameters.json", parameters) is { } common)
            files.Add(common);
        return files;
    }

    static ParameterFile? Load(AbsolutePath root, string fileName, IReadOnlyList<ParameterMember> parameters)
    {
        var path = root / ".nuke" / fileName;
        var display = $".nuke/{fileName}";
        if (!File.Exists(path))
            return null;
        using var document = Parse(path, display);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
            throw new BuildUsageException($"{display} must hold a JSON object of parameter names and values");
        var values = new Dictionary<ParameterMember, IReadOnlyList<string>>();
        foreach (var property in document.RootElement.EnumerateObject().Where(property => property.Name != SchemaKey))
        {
            var parameter = parameters.FirstOrDefault(p => p.IsNamed(property.Name)) ?? throw UnknownKey(display, property.Name, parameters);
            if (ToTokens(property.Value, display, property.Name) is { } tokens)
                values[parameter] = tokens;
        }
        return new ParameterFile(display, values);
    }

    static JsonDocument Parse(string path, string display)
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(path), s_options);
        }
        catch (JsonException exception)
        {
            throw new BuildUsageException($"{display} is not valid JSON: {exception.Message}");
        }
    }

    static BuildUsageException UnknownKey(string display, string key, IReadOnlyList<ParameterMember> parameters) =>
        new($"Unknown key '{key}' in {display}; valid keys: {string.Join(", ", parameters.Select(p => p.MemberName))}");

    /// <summary>Null for a JSON null, so the next source decides.</summary>
    static IReadOnlyList<string>? ToTokens(JsonElement value, string display, string key) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.Array => value.EnumerateArray().Select(item => ToToken(item, display, key)).ToList(),
        _ => [ToToken(value, display, key)],
    };

    static string ToToken(JsonElement value, string display, string key) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new BuildUsageException(
            $"Key '{key}' in {display} must be a string, number, boolean or an array of these, got {value.ValueKind.ToString().ToLowerInvariant()}"),
    };
}
