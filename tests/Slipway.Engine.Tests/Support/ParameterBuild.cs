namespace Slipway.Engine.Tests.Support;

public enum Configuration
{
    Debug,
    Release,
}

/// <summary>A build with one parameter of each supported type and a target that uses none of them.</summary>
public sealed class ParameterBuild : RecordingBuild
{
    [Parameter("Registry to push images to")] public readonly string RegistryUrl = "default";
    [Parameter("Switch the edge proxy to the new release")] public readonly bool DeployEdge;
    [Parameter] public readonly int Retries = 3;
    [Parameter] public readonly long MaxBytes;
    [Parameter] public readonly double Ratio = 0.5;
    [Parameter] public readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(30);
    [Parameter] public readonly Configuration Configuration = Configuration.Debug;
    [Parameter] public readonly string[] SkipTests = [];
    [Parameter] public readonly int[] Ports = [];
    [Parameter] public readonly int? Replicas;
    [Parameter] public readonly AbsolutePath? Output;
    [Parameter("Environment to deploy to", Name = "env")] public string? TargetEnvironment { get; private set; }
    [Parameter] public string Channel { get; } = "stable";
    [Parameter] readonly string _privateNote = "";
    [Parameter("Token for the registry"), Secret] public readonly string? ApiToken = "default-token";
    [Parameter] public readonly string? Vault;

    public string PrivateNote => _privateNote;

    public Target Show => _ => _.Description("Does nothing").Executes(() => Record(nameof(Show)));

    /// <summary>Answers only after Vault is injected, which proves secrets are resolved last.</summary>
    protected override IParameterSource? SecretParameterSource => Vault is null ? null : new VaultSource(Vault);

    sealed class VaultSource(string vault) : IParameterSource
    {
        public bool TryGetValue(string memberName, out string? value)
        {
            value = memberName == nameof(ApiToken) ? $"{vault}-token" : null;
            return value is not null;
        }
    }
}
