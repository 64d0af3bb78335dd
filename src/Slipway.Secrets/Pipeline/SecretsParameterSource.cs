using Slipway.Engine;

namespace Slipway.Secrets.Pipeline;

/// <summary>Fills a build's [Secret] parameters from its secrets file: member RegistryPassword reads key registry_password.</summary>
public sealed class SecretsParameterSource(SecretsFileValues values) : IParameterSource
{
    public bool TryGetValue(string memberName, out string? value)
    {
        value = values.TryGet(SecretNames.KeyOfMember(memberName), out var secret) ? secret!.Reveal() : null;
        return value is not null;
    }
}
