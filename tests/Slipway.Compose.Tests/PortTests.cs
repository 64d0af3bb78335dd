using Slipway.Compose.Tests.Support;

namespace Slipway.Compose.Tests;

public sealed class PortTests
{
    [Theory]
    [InlineData("\"8080\"", null, null, 8080, PortProtocol.Tcp)]
    [InlineData("8080", null, null, 8080, PortProtocol.Tcp)]
    [InlineData("\"8001:8080\"", null, 8001, 8080, PortProtocol.Tcp)]
    [InlineData("\"127.0.0.1:8001:8080\"", "127.0.0.1", 8001, 8080, PortProtocol.Tcp)]
    [InlineData("\"127.0.0.1::8080\"", "127.0.0.1", null, 8080, PortProtocol.Tcp)]
    [InlineData("\"[::1]:8001:8080\"", "::1", 8001, 8080, PortProtocol.Tcp)]
    [InlineData("\"5353:53/udp\"", null, 5353, 53, PortProtocol.Udp)]
    [InlineData("\"8080/tcp\"", null, null, 8080, PortProtocol.Tcp)]
    public void ShortPortFormsAreRead(string yaml, string? hostIp, int? published, int target, PortProtocol protocol)
    {
        var web = Inline.Web($"ports:\n  - {yaml}");

        Assert.Equal([new PortMapping(hostIp, published, target, protocol)], web.Ports);
    }

    [Fact]
    public void TheLongPortFormIsRead()
    {
        var web = Inline.Web("ports:\n  - target: 53\n    published: \"5353\"\n    host_ip: 127.0.0.1\n    protocol: udp\n  - target: 80");

        Assert.Equal([new PortMapping("127.0.0.1", 5353, 53, PortProtocol.Udp), new PortMapping(null, null, 80, PortProtocol.Tcp)], web.Ports);
    }

    [Theory]
    [InlineData("\"80:abc\"")]
    [InlineData("\"8000-8010:8000-8010\"")]
    [InlineData("\"70000\"")]
    [InlineData("\":8080\"")]
    [InlineData("\"8080/sctp\"")]
    public void AnInvalidShortPortIsRefusedWithTheAcceptedForms(string yaml)
    {
        var error = Inline.RefuseWeb($"ports:\n  - {yaml}");

        Assert.Equal("compose/app.yml:5:9 services/web/ports/0: invalid port "
            + $"'{yaml.Trim('"')}' (use \"8080\", \"8001:8080\" or \"127.0.0.1:8001:8080\", optionally with /udp; ranges are not supported)", error.Message);
    }

    [Fact]
    public void ALongPortWithoutATargetIsRefused()
    {
        var error = Inline.RefuseWeb("ports:\n  - published: 80");

        Assert.Equal("compose/app.yml:5:9 services/web/ports/0: missing required key 'target' (the container port)", error.Message);
    }

    [Fact]
    public void AnUnknownProtocolIsRefused()
    {
        var error = Inline.RefuseWeb("ports:\n  - target: 80\n    protocol: sctp");

        Assert.Equal("compose/app.yml:6:19 services/web/ports/0/protocol: invalid protocol 'sctp' (use tcp or udp)", error.Message);
    }

    [Fact]
    public void ExposedPortsAreRead()
    {
        var web = Inline.Web("expose:\n  - \"3000\"\n  - 9000/udp\n  - 4000");

        Assert.Equal([new ExposedPort(3000, PortProtocol.Tcp), new ExposedPort(9000, PortProtocol.Udp), new ExposedPort(4000, PortProtocol.Tcp)], web.Expose);
    }

    [Fact]
    public void AnInvalidExposedPortIsRefused()
    {
        var error = Inline.RefuseWeb("expose:\n  - \"3000:3000\"");

        Assert.Equal("compose/app.yml:5:9 services/web/expose/0: invalid port '3000:3000' (use \"3000\" or \"3000/udp\")", error.Message);
    }
}
