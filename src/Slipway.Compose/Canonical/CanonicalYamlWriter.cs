using Slipway.Compose.Reading;
using static Slipway.Compose.Canonical.YamlText;

namespace Slipway.Compose.Canonical;

/// <summary>Writes a project as a compose file in the supported subset: keys and sets sorted, long forms,
/// every value explicit, so the text (and its hash) depends only on the configuration.</summary>
internal static class CanonicalYamlWriter
{
    public static string Write(ComposeProject project)
    {
        var yaml = new YamlText();
        yaml.Line(0, "name", Quote(project.Name));
        yaml.Line(0, "services");
        foreach (var service in Sorted(project.Services))
            WriteService(yaml, service);
        WriteMap(yaml, 0, "volumes", project.Volumes, (body, volume, depth) =>
            WriteResource(body, depth, volume.Name, volume.Driver, null, volume.Labels, volume.External));
        WriteMap(yaml, 0, "networks", project.Networks, (body, network, depth) =>
            WriteResource(body, depth, network.Name, network.Driver, network.Internal, network.Labels, network.External));
        WriteMap(yaml, 0, "secrets", project.Secrets, (body, secret, depth) =>
        {
            Optional(body, depth, "file", secret.File);
            Optional(body, depth, "environment", secret.Environment);
        });
        return yaml.ToString();
    }

    private static void WriteService(YamlText yaml, ServiceSpec service)
    {
        yaml.Line(1, service.Name);
        yaml.Line(2, "image", Quote(service.Image));
        Optional(yaml, 2, "container_name", service.ContainerName);
        if (service.Command is { } command) yaml.Line(2, "command", Flow(command));
        if (service.Entrypoint is { } entrypoint) yaml.Line(2, "entrypoint", Flow(entrypoint));
        WriteStrings(yaml, 2, "environment", service.Environment);
        WritePorts(yaml, service);
        WriteMounts(yaml, service);
        if (service.Healthcheck is { } health) WriteHealthcheck(yaml, health);
        WriteStrings(yaml, 2, "labels", service.Labels);
        Optional(yaml, 2, "restart", service.Restart?.ToString());
        WriteMap(yaml, 2, "depends_on", service.DependsOn, (body, condition, depth) =>
            body.Line(depth, "condition", Quote(Condition(condition))));
        WriteMap(yaml, 2, "networks", service.Networks, (body, attachment, depth) =>
        {
            if (attachment.Aliases.Count > 0) body.Line(depth, "aliases", Flow(attachment.Aliases));
        });
        Optional(yaml, 2, "user", service.User);
        Optional(yaml, 2, "working_dir", service.WorkingDir);
        Optional(yaml, 2, "stop_grace_period", Duration(service.StopGracePeriod));
        Optional(yaml, 2, "stop_signal", service.StopSignal);
        WriteSecrets(yaml, service);
        yaml.Line(2, "deploy");
        yaml.Line(3, "replicas", Number(service.Replicas));
    }

    private static void WritePorts(YamlText yaml, ServiceSpec service)
    {
        if (service.Ports.Count > 0) yaml.Line(2, "ports");
        foreach (var port in service.Ports.OrderBy(p => p.TargetPort).ThenBy(p => p.PublishedPort).ThenBy(p => p.HostIp, StringComparer.Ordinal).ThenBy(p => p.Protocol))
        {
            yaml.Item(3, "target", Number(port.TargetPort));
            if (port.PublishedPort is { } published) yaml.Line(4, "published", Number(published));
            Optional(yaml, 4, "host_ip", port.HostIp);
            yaml.Line(4, "protocol", Quote(Lower(port.Protocol)));
        }
        if (service.Expose.Count > 0)
        {
            var exposed = service.Expose.OrderBy(p => p.Port).ThenBy(p => p.Protocol).Select(p => $"{p.Port}/{Lower(p.Protocol)}");
            yaml.Line(2, "expose", Flow(exposed));
        }
    }

    private static void WriteMounts(YamlText yaml, ServiceSpec service)
    {
        if (service.Volumes.Count > 0) yaml.Line(2, "volumes");
        foreach (var mount in service.Volumes.OrderBy(m => m.Target, StringComparer.Ordinal))
        {
            yaml.Item(3, "type", Quote(Lower(mount.Type)));
            Optional(yaml, 4, "source", mount.Source);
            yaml.Line(4, "target", Quote(mount.Target));
            yaml.Line(4, "read_only", Boolean(mount.ReadOnly));
        }
    }

    private static void WriteHealthcheck(YamlText yaml, HealthcheckSpec health)
    {
        yaml.Line(2, "healthcheck", health is { Test: null, Interval: null, Timeout: null, Retries: null, StartPeriod: null, Disabled: false } ? "{}" : null);
        if (health.Test is { } test) yaml.Line(3, "test", Flow(test));
        Optional(yaml, 3, "interval", Duration(health.Interval));
        Optional(yaml, 3, "timeout", Duration(health.Timeout));
        if (health.Retries is { } retries) yaml.Line(3, "retries", Number(retries));
        Optional(yaml, 3, "start_period", Duration(health.StartPeriod));
        if (health.Disabled) yaml.Line(3, "disable", Boolean(true));
    }

    private static void WriteSecrets(YamlText yaml, ServiceSpec service)
    {
        if (service.Secrets.Count > 0) yaml.Line(2, "secrets");
        foreach (var secret in service.Secrets.OrderBy(s => s.Source, StringComparer.Ordinal))
        {
            yaml.Item(3, "source", Quote(secret.Source));
            yaml.Line(4, "target", Quote(secret.Target));
        }
    }

    private static void WriteResource(YamlText yaml, int depth, string name, string? driver, bool? isInternal,
        IReadOnlyDictionary<string, string> labels, bool external)
    {
        yaml.Line(depth, "name", Quote(name));
        Optional(yaml, depth, "driver", driver);
        if (isInternal == true) yaml.Line(depth, "internal", Boolean(true));
        WriteStrings(yaml, depth, "labels", labels);
        if (external) yaml.Line(depth, "external", Boolean(true));
    }

    private static void WriteStrings(YamlText yaml, int depth, string key, IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0)
            return;
        yaml.Line(depth, key);
        foreach (var (name, value) in values.OrderBy(entry => entry.Key, StringComparer.Ordinal))
            yaml.Line(depth + 1, name, Quote(value));
    }

    // Each entry's body is written below its key, or as {} when it has nothing to say.
    private static void WriteMap<T>(YamlText yaml, int depth, string key, IReadOnlyDictionary<string, T> values, Action<YamlText, T, int> writeBody)
    {
        if (values.Count == 0)
            return;
        yaml.Line(depth, key);
        foreach (var (name, value) in values.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            var body = new YamlText();
            writeBody(body, value, depth + 2);
            yaml.Line(depth + 1, name, body.IsEmpty ? "{}" : null);
            yaml.Append(body);
        }
    }

    private static void Optional(YamlText yaml, int depth, string key, string? value)
    {
        if (value is not null) yaml.Line(depth, key, Quote(value));
    }

    private static IEnumerable<T> Sorted<T>(IReadOnlyDictionary<string, T> values) =>
        values.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Value);

    private static string? Duration(TimeSpan? duration) => duration is { } value ? ComposeDuration.Format(value) : null;

    private static string Lower<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();

    private static string Condition(DependencyCondition condition) => condition switch
    {
        DependencyCondition.ServiceHealthy => "service_healthy",
        DependencyCondition.ServiceCompletedSuccessfully => "service_completed_successfully",
        _ => "service_started",
    };
}
