using System.Net;
using System.Net.Sockets;

namespace Slipway.Integration.Tests.Support;

/// <summary>Ports the system has free right now, so two test runs on one machine never share a registry or a service port.</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
