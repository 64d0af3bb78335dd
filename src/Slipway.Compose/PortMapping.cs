namespace Slipway.Compose;

/// <summary>A container port published on the host; a null published port lets the engine choose.</summary>
public sealed record PortMapping(string? HostIp, int? PublishedPort, int TargetPort, PortProtocol Protocol);

/// <summary>A container port reachable from other services only.</summary>
public sealed record ExposedPort(int Port, PortProtocol Protocol);

public enum PortProtocol
{
    Tcp,
    Udp,
}
