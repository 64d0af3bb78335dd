using System.Text;
using Slipway.Compose;
using Slipway.Docker;

namespace Slipway.Deploy;

/// <summary>A service's secrets as its container gets them: files, and the environment with secret references filled in.</summary>
public sealed record ServiceSecrets(IReadOnlyDictionary<string, string> Environment, IReadOnlyList<ContainerFile> Files, IReadOnlyList<string> Warnings);

/// <summary>
/// Gives secret values to containers only when they are created. The compose model and the configuration stored with a
/// release hold secret names, sources and <c>${NAME}</c> references, never values; each deploy and rollback resolves them
/// again from the values it is given (the secrets file) and the process environment. Pure: values in, files out.
/// </summary>
public sealed class SecretResolver(IReadOnlyDictionary<string, string> secrets, IReadOnlyDictionary<string, string> environment)
{
    public const string SecretsDirectory = "/run/secrets";
    const UnixFileMode ReadOnlyByOwner = UnixFileMode.UserRead;

    /// <summary>The request's secret values, then the process environment (where compose reads `environment:` secrets from).</summary>
    public static SecretResolver For(DeployRequest request) => new(request.Secrets,
        System.Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal));

    /// <summary>The variables interpolated as <c>${NAME}</c> references instead of values: the given secrets and every compose secret's variable.</summary>
    public static IReadOnlySet<string> ReferencedNames(DeployRequest request, ComposeProject? project) =>
        request.Secrets.Keys.Concat(project?.Secrets.Values.Select(s => s.Environment).OfType<string>() ?? [])
            .Where(name => name != "IMAGE").ToHashSet(StringComparer.Ordinal);

    public ServiceSecrets Resolve(ComposeProject project, ServiceSpec service)
    {
        var warnings = new List<string>();
        var files = new List<ContainerFile>();
        foreach (var secret in service.Secrets)
        {
            var target = secret.Target.StartsWith('/') ? secret.Target : $"{SecretsDirectory}/{secret.Target}";
            if (ValueOf(project.Secrets[secret.Source], out var problem) is { } content)
                files.Add(new ContainerFile(target, content, ReadOnlyByOwner));
            else
                warnings.Add($"secret '{secret.Source}' of service {service.Name} has no value ({problem}); the container starts without {target}");
        }
        return new ServiceSecrets(Environment(project, service, warnings), files, warnings);
    }

    byte[]? ValueOf(SecretSpec secret, out string problem)
    {
        problem = "";
        if (secret.Environment is { } variable)
        {
            if (Lookup(variable) is { Length: > 0 } value) return Encoding.UTF8.GetBytes(value);
            problem = $"{variable} is not set: add it to the secrets file with ./build.sh SecretsSet --key {variable.ToLowerInvariant()}";
            return null;
        }
        if (File.Exists(secret.File)) return File.ReadAllBytes(secret.File);
        problem = $"{secret.File} does not exist";
        return null;
    }

    /// <summary>Fills in <c>${NAME}</c> where NAME is a secret variable, as the compose file asked by writing it in `environment:`.</summary>
    IReadOnlyDictionary<string, string> Environment(ComposeProject project, ServiceSpec service, List<string> warnings)
    {
        var names = project.Secrets.Values.Select(s => s.Environment).OfType<string>().Concat(secrets.Keys).ToHashSet(StringComparer.Ordinal);
        var resolvedEnvironment = new Dictionary<string, string>(service.Environment.Count, StringComparer.Ordinal);
        foreach (var (key, text) in service.Environment)
        {
            var resolved = text;
            foreach (var name in names.Where(n => text.Contains("${" + n + "}", StringComparison.Ordinal)))
            {
                var value = Lookup(name);
                if (value is null)
                    warnings.Add($"environment variable {key} of service {service.Name} names secret {name}, which is not set; it is left empty");
                resolved = resolved.Replace("${" + name + "}", value ?? "", StringComparison.Ordinal);
            }
            resolvedEnvironment[key] = resolved;
        }
        return resolvedEnvironment;
    }

    string? Lookup(string name) => secrets.TryGetValue(name, out var secret) ? secret : environment.TryGetValue(name, out var value) ? value : null;
}
