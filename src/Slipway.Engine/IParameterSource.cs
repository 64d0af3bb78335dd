namespace Slipway.Engine;

/// <summary>Supplies [Secret] parameter values by member name, after the command line and environment.</summary>
public interface IParameterSource
{
    bool TryGetValue(string memberName, out string? value);
}
