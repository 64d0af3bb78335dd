using System.Collections.ObjectModel;
using System.Security.Cryptography;
using System.Text;
using Slipway.Compose.Canonical;

namespace Slipway.Compose;

/// <summary>The merged, validated compose configuration of one project.</summary>
public sealed record ComposeProject
{
    /// <summary>Normalised project name: lowercase letters, digits, '_' and '-'.</summary>
    public required string Name { get; init; }

    /// <summary>Services by name, in the order they were first declared.</summary>
    public required IReadOnlyDictionary<string, ServiceSpec> Services { get; init; }

    public IReadOnlyDictionary<string, VolumeSpec> Volumes { get; init; } = ReadOnlyDictionary<string, VolumeSpec>.Empty;

    public IReadOnlyDictionary<string, NetworkSpec> Networks { get; init; } = ReadOnlyDictionary<string, NetworkSpec>.Empty;

    public IReadOnlyDictionary<string, SecretSpec> Secrets { get; init; } = ReadOnlyDictionary<string, SecretSpec>.Empty;

    /// <summary>Things compose would warn about (unset variables), each with file:line:column and key path.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The files the project was loaded from, base first, as named to the loader.</summary>
    public IReadOnlyList<string> SourceFiles { get; init; } = [];

    /// <summary>Lowercase hex SHA-256 of <see cref="ToCanonicalYaml"/>: equal configurations hash equal.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToCanonicalYaml())));

    /// <summary>The configuration as a compose file in the supported subset, with sorted keys and long forms;
    /// loading it again gives the same <see cref="Hash"/>. Warnings and source files are not part of it.</summary>
    public string ToCanonicalYaml() => CanonicalYamlWriter.Write(this);
}
