using Docker.DotNet.Models;

namespace Slipway.Docker;

/// <summary>Renders a <see cref="ContainerSpec"/> into the Engine API's create-container request; pure, so it is unit-tested.</summary>
public static class ContainerRequest
{
    public static CreateContainerParameters Create(ContainerSpec spec) => new()
    {
        Name = spec.Name,
        Image = spec.Image,
        Env = spec.Environment.Select(e => $"{e.Key}={e.Value}").ToList(),
        Cmd = spec.Command?.ToList()!,
        Entrypoint = spec.Entrypoint?.ToList()!,
        Labels = spec.Labels.ToDictionary(),
        User = spec.User!,
        WorkingDir = spec.WorkingDir!,
        StopSignal = spec.StopSignal!,
        StopTimeout = spec.StopGracePeriod,
        ExposedPorts = spec.Ports.Select(p => $"{p.ContainerPort}/{p.Protocol}")
            .Concat(spec.Expose.Select(p => $"{p}/tcp")).Distinct()
            .ToDictionary(p => p, _ => new EmptyStruct()),
        Healthcheck = Healthcheck(spec)!,
        HostConfig = new HostConfig
        {
            PortBindings = spec.Ports.GroupBy(p => $"{p.ContainerPort}/{p.Protocol}").ToDictionary(
                g => g.Key,
                g => (IList<PortBinding>)g.Select(p => new PortBinding { HostIP = p.HostIp ?? "", HostPort = p.HostPort?.ToString() ?? "" }).ToList()),
            Mounts = spec.Mounts.Select(m => new Mount { Type = m.Type, Source = m.Source, Target = m.Target, ReadOnly = m.ReadOnly }).ToList(),
            RestartPolicy = RestartPolicy(spec.RestartPolicy)!,
            NetworkMode = spec.Networks.Keys.FirstOrDefault()!,
            LogConfig = new LogConfig { Type = "json-file", Config = new Dictionary<string, string> { ["max-size"] = "10m", ["max-file"] = "3" } },
        },
        NetworkingConfig = spec.Networks.Count == 0 ? null! : new NetworkingConfig
        {
            // The engine attaches a new container to one network only; the others are connected after create.
            EndpointsConfig = spec.Networks.Take(1).ToDictionary(n => n.Key, n => new EndpointSettings { Aliases = n.Value.ToList() }),
        },
    };

    static HealthcheckConfig? Healthcheck(ContainerSpec spec)
    {
        if (spec.HealthcheckDisabled) return new HealthcheckConfig { Test = ["NONE"] };
        if (spec.Healthcheck is not { } h) return null;
        return new HealthcheckConfig
        {
            Test = h.Test.ToList(),
            Interval = h.Interval,
            Timeout = h.Timeout,
            Retries = h.Retries,
            StartPeriod = h.StartPeriod,
            // Probe often while starting, so a healthy release is noticed in well under the regular interval.
            StartInterval = h.StartPeriod is null ? null : TimeSpan.FromMilliseconds(500),
        };
    }

    static RestartPolicy? RestartPolicy(string? policy)
    {
        if (string.IsNullOrEmpty(policy) || policy == "no") return null;
        var parts = policy.Split(':');
        var name = parts[0] switch
        {
            "always" => RestartPolicyKind.Always,
            "unless-stopped" => RestartPolicyKind.UnlessStopped,
            "on-failure" => RestartPolicyKind.OnFailure,
            _ => throw new ArgumentException($"unknown restart policy '{policy}' (no, always, on-failure[:n], unless-stopped)"),
        };
        return new RestartPolicy { Name = name, MaximumRetryCount = parts.Length > 1 ? long.Parse(parts[1]) : 0 };
    }
}
