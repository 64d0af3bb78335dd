using YamlDotNet.RepresentationModel;

namespace Slipway.Compose.Reading;

/// <summary>Reads the top-level volumes, networks and secrets definitions of one file.</summary>
internal static class ResourceReader
{
    public static VolumeDraft ReadVolume(ValueReader r, YamlNode node, string path)
    {
        var volume = new VolumeDraft(null, null, new Dictionary<string, string>(), null);
        r.ReadKeys(node, path, (key, value, valuePath) => volume = key switch
        {
            "name" => volume with { Name = r.Text(value, valuePath) },
            "driver" => volume with { Driver = r.Text(value, valuePath) },
            "labels" => volume with { Labels = ReadLabels(r, value, valuePath) },
            "external" => volume with { External = r.Bool(value, valuePath) },
            _ => throw r.Unread(value, valuePath),
        });
        return volume;
    }

    public static NetworkDraft ReadNetwork(ValueReader r, YamlNode node, string path)
    {
        var network = new NetworkDraft(null, null, null, new Dictionary<string, string>(), null);
        r.ReadKeys(node, path, (key, value, valuePath) => network = key switch
        {
            "name" => network with { Name = r.Text(value, valuePath) },
            "driver" => network with { Driver = r.Text(value, valuePath) },
            "internal" => network with { Internal = r.Bool(value, valuePath) },
            "labels" => network with { Labels = ReadLabels(r, value, valuePath) },
            "external" => network with { External = r.Bool(value, valuePath) },
            _ => throw r.Unread(value, valuePath),
        });
        return network;
    }

    public static SecretSpec ReadSecret(ValueReader r, string name, YamlNode keyNode, YamlNode node, string path)
    {
        string? file = null, environment = null;
        r.ReadKeys(node, path, (key, value, valuePath) =>
        {
            switch (key)
            {
                case "file": file = Path.GetFullPath(Path.Combine(r.BaseDirectory, r.RequiredText(value, valuePath))); break;
                case "environment": environment = r.RequiredText(value, valuePath); break;
                default: throw r.Unread(value, valuePath);
            }
        });
        if ((file is null) == (environment is null))
            throw r.Error(keyNode, path, "a secret needs exactly one of 'file' or 'environment'");
        return new SecretSpec(name, file, environment);
    }

    private static Dictionary<string, string> ReadLabels(ValueReader r, YamlNode node, string path)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value, _) in r.KeyValues(node, path))
            labels[key] = value ?? "";
        return labels;
    }
}
