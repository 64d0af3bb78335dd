using YamlDotNet.RepresentationModel;

namespace Slipway.Compose.Reading;

/// <summary>Reads a service's references to other definitions: depends_on, networks and secrets.</summary>
internal static class DependencyReader
{
    public static void ReadDependsOn(ValueReader r, ServiceDraft draft, YamlNode node, string path)
    {
        if (node is YamlSequenceNode)
        {
            foreach (var (item, itemPath) in r.Items(node, path))
                draft.DependsOn[r.RequiredText(item, itemPath)] = new(DependencyCondition.ServiceStarted, r.PlaceOf(item, itemPath));
            return;
        }
        foreach (var (name, keyNode, value, valuePath) in r.Entries(node, path))
            draft.DependsOn[name] = new(ReadCondition(r, value, valuePath), r.PlaceOf(keyNode, valuePath));
    }

    public static void ReadNetworks(ValueReader r, ServiceDraft draft, YamlNode node, string path)
    {
        if (node is YamlSequenceNode)
        {
            foreach (var (item, itemPath) in r.Items(node, path))
                draft.Networks[r.RequiredText(item, itemPath)] = new(new NetworkAttachment([]), r.PlaceOf(item, itemPath));
            return;
        }
        foreach (var (name, keyNode, value, valuePath) in r.Entries(node, path))
            draft.Networks[name] = new(ReadAttachment(r, value, valuePath), r.PlaceOf(keyNode, valuePath));
    }

    public static void ReadSecrets(ValueReader r, ServiceDraft draft, YamlNode node, string path)
    {
        foreach (var (item, itemPath) in r.Items(node, path))
        {
            var secret = item is YamlMappingNode ? ReadLongSecret(r, item, itemPath) : ShortSecret(r.RequiredText(item, itemPath));
            if (secret.Target.Contains('/') && !secret.Target.StartsWith('/'))
                throw r.Error(item, itemPath, $"invalid secret target '{secret.Target}' (use a file name under /run/secrets, or an absolute path)");
            draft.Secrets[secret.Source] = new(secret, r.PlaceOf(item, itemPath));
        }
    }

    private static DependencyCondition ReadCondition(ValueReader r, YamlNode node, string path)
    {
        var condition = DependencyCondition.ServiceStarted;
        r.ReadKeys(node, path, (key, value, valuePath) => condition = key == "condition"
            ? r.Text(value, valuePath) switch
            {
                null or "service_started" => DependencyCondition.ServiceStarted,
                "service_healthy" => DependencyCondition.ServiceHealthy,
                "service_completed_successfully" => DependencyCondition.ServiceCompletedSuccessfully,
                var text => throw r.Error(value, valuePath,
                    $"invalid condition '{text}' (use service_started, service_healthy or service_completed_successfully)"),
            }
            : throw r.Unread(value, valuePath));
        return condition;
    }

    private static NetworkAttachment ReadAttachment(ValueReader r, YamlNode node, string path)
    {
        IReadOnlyList<string> aliases = [];
        r.ReadKeys(node, path, (key, value, valuePath) => aliases = key == "aliases"
            ? r.Items(value, valuePath).Select(item => r.RequiredText(item.Node, item.Path)).ToArray()
            : throw r.Unread(value, valuePath));
        return new NetworkAttachment(aliases);
    }

    private static ServiceSecret ReadLongSecret(ValueReader r, YamlNode node, string path)
    {
        string? source = null, target = null;
        r.ReadKeys(node, path, (key, value, valuePath) =>
        {
            switch (key)
            {
                case "source": source = r.RequiredText(value, valuePath); break;
                case "target": target = r.Text(value, valuePath); break;
                default: throw r.Unread(value, valuePath);
            }
        });
        return source is null
            ? throw r.Error(node, path, "missing required key 'source' (a name declared under top-level secrets)")
            : new ServiceSecret(source, target ?? source);
    }

    private static ServiceSecret ShortSecret(string name) => new(name, name);
}
