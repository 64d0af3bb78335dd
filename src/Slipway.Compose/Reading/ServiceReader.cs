using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Slipway.Compose.Reading;

/// <summary>Reads one service definition of one file into a <see cref="ServiceDraft"/>.</summary>
internal static partial class ServiceReader
{
    private delegate void KeyReader(ValueReader r, ServiceDraft draft, YamlNode node, string path);

    private static readonly Dictionary<string, KeyReader> Readers = new(StringComparer.Ordinal)
    {
        ["image"] = (r, d, n, p) => d.Image = r.Text(n, p),
        ["container_name"] = (r, d, n, p) => d.ContainerName = r.Text(n, p) is { } name ? new(name, r.PlaceOf(n, p)) : null,
        ["command"] = (r, d, n, p) => d.Command = r.Words(n, p),
        ["entrypoint"] = (r, d, n, p) => d.Entrypoint = r.Words(n, p),
        ["environment"] = ReadEnvironment,
        ["ports"] = (r, d, n, p) => d.Ports.AddRange(r.Items(n, p).Select(item => PortReader.Read(r, item.Node, item.Path))),
        ["expose"] = (r, d, n, p) => d.Expose.AddRange(r.Items(n, p).Select(item => PortReader.ReadExposed(r, item.Node, item.Path))),
        ["volumes"] = (r, d, n, p) => d.Volumes.AddRange(r.Items(n, p).Select(item => MountReader.Read(r, item.Node, item.Path))),
        ["healthcheck"] = (r, d, n, p) => d.Healthcheck = HealthcheckReader.Read(r, n, p),
        ["labels"] = ReadLabels,
        ["restart"] = (r, d, n, p) => d.Restart = ReadRestart(r, n, p),
        ["depends_on"] = DependencyReader.ReadDependsOn,
        ["networks"] = DependencyReader.ReadNetworks,
        ["user"] = (r, d, n, p) => d.User = r.Text(n, p),
        ["working_dir"] = (r, d, n, p) => d.WorkingDir = r.Text(n, p),
        ["stop_grace_period"] = (r, d, n, p) => d.StopGracePeriod = r.Duration(n, p),
        ["stop_signal"] = (r, d, n, p) => d.StopSignal = r.Text(n, p),
        ["secrets"] = DependencyReader.ReadSecrets,
        ["deploy"] = ReadDeploy,
    };

    public static ServiceDraft Read(ValueReader r, YamlNode keyNode, string name, YamlNode node, string path)
    {
        if (!ServiceName().IsMatch(name))
            throw r.Error(keyNode, path, $"invalid service name '{name}' (use letters, digits, '.', '_' and '-', starting with a letter or digit)");
        var draft = new ServiceDraft(name, r.PlaceOf(keyNode, path));
        r.ReadKeys(node, path, (key, value, valuePath) =>
        {
            if (!Readers.TryGetValue(key, out var read))
                throw r.Unread(value, valuePath);
            read(r, draft, value, valuePath);
        });
        return draft;
    }

    private static void ReadEnvironment(ValueReader r, ServiceDraft draft, YamlNode node, string path)
    {
        foreach (var (key, value, place) in r.KeyValues(node, path))
        {
            if (value is not null)
                draft.Environment[key] = value;
            else if (r.TryGetVariable(key, out var variable))
                draft.Environment[key] = variable;
            else
                r.Warn(place.Describe($"variable '{key}' is not set, so the container gets no '{key}' (set it, or give a value)"));
        }
    }

    private static void ReadLabels(ValueReader r, ServiceDraft draft, YamlNode node, string path)
    {
        foreach (var (key, value, _) in r.KeyValues(node, path))
            draft.Labels[key] = value ?? "";
    }

    private static RestartPolicy? ReadRestart(ValueReader r, YamlNode node, string path)
    {
        var text = r.Text(node, path);
        if (text is null)
            return null;
        var match = Restart().Match(text);
        if (!match.Success)
            throw r.Error(node, path, $"invalid restart policy '{text}' (use no, always, on-failure, on-failure:N or unless-stopped)");
        return match.Groups["mode"].Value switch
        {
            "no" => new RestartPolicy(RestartMode.No),
            "always" => new RestartPolicy(RestartMode.Always),
            "unless-stopped" => new RestartPolicy(RestartMode.UnlessStopped),
            _ => new RestartPolicy(RestartMode.OnFailure, match.Groups["max"].Success ? int.Parse(match.Groups["max"].Value) : null),
        };
    }

    private static void ReadDeploy(ValueReader r, ServiceDraft draft, YamlNode node, string path) =>
        r.ReadKeys(node, path, (key, value, valuePath) =>
        {
            if (key != "replicas")
                throw r.Unread(value, valuePath);
            draft.Replicas = r.Int(value, valuePath, 0, "replica count") is { } replicas ? new(replicas, r.PlaceOf(value, valuePath)) : null;
        });

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex ServiceName();

    [GeneratedRegex(@"^(?<mode>no|always|unless-stopped|on-failure(?::(?<max>\d{1,9}))?)$")]
    private static partial Regex Restart();
}
