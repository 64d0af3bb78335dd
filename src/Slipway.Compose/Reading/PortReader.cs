using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Slipway.Compose.Reading;

/// <summary>Reads published ports (short "127.0.0.1:8001:8080/udp" or long form) and exposed ports.</summary>
internal static partial class PortReader
{
    private const string ShortForms = "use \"8080\", \"8001:8080\" or \"127.0.0.1:8001:8080\", optionally with /udp; ranges are not supported";

    public static PortMapping Read(ValueReader r, YamlNode node, string path) =>
        node is YamlMappingNode ? ReadLong(r, node, path) : ReadShort(r, node, path);

    public static ExposedPort ReadExposed(ValueReader r, YamlNode node, string path)
    {
        var text = r.RequiredText(node, path);
        var match = Exposed().Match(text);
        if (!match.Success || ToPort(match.Groups["port"].Value) is not { } port)
            throw r.Error(node, path, $"invalid port '{text}' (use \"3000\" or \"3000/udp\")");
        return new ExposedPort(port, ToProtocol(match.Groups["protocol"].Value));
    }

    private static PortMapping ReadShort(ValueReader r, YamlNode node, string path)
    {
        var text = r.RequiredText(node, path);
        var match = Short().Match(text);
        var hostIp = match.Groups["ip"].Success ? match.Groups["ip"].Value.Trim('[', ']') : null;
        var published = match.Groups["published"].Value;
        // "127.0.0.1::8080" leaves the host port to the engine; ":8080" alone says nothing and is refused.
        if (!match.Success || ToPort(match.Groups["target"].Value) is not { } target
            || (published.Length > 0 && ToPort(published) is null) || (published.Length == 0 && hostIp is null && text.Contains(':')))
            throw r.Error(node, path, $"invalid port '{text}' ({ShortForms})");
        return new PortMapping(hostIp, ToPort(published), target, ToProtocol(match.Groups["protocol"].Value));
    }

    private static PortMapping ReadLong(ValueReader r, YamlNode node, string path)
    {
        int? target = null, published = null;
        string? hostIp = null;
        var protocol = PortProtocol.Tcp;
        r.ReadKeys(node, path, (key, value, valuePath) =>
        {
            switch (key)
            {
                case "target": target = RequiredPort(r, value, valuePath); break;
                case "published": published = r.Text(value, valuePath) is null ? null : RequiredPort(r, value, valuePath); break;
                case "host_ip": hostIp = r.Text(value, valuePath); break;
                case "protocol": protocol = ReadProtocol(r, value, valuePath); break;
                default: throw r.Unread(value, valuePath);
            }
        });
        return target is { } port
            ? new PortMapping(hostIp, published, port, protocol)
            : throw r.Error(node, path, "missing required key 'target' (the container port)");
    }

    private static int RequiredPort(ValueReader r, YamlNode node, string path)
    {
        var text = r.RequiredText(node, path);
        return ToPort(text) ?? throw r.Error(node, path, $"invalid port '{text}' (expected a number from 1 to 65535)");
    }

    private static PortProtocol ReadProtocol(ValueReader r, YamlNode node, string path) => r.Text(node, path) switch
    {
        null or "tcp" => PortProtocol.Tcp,
        "udp" => PortProtocol.Udp,
        var text => throw r.Error(node, path, $"invalid protocol '{text}' (use tcp or udp)"),
    };

    private static int? ToPort(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port : null;

    private static PortProtocol ToProtocol(string text) => text == "udp" ? PortProtocol.Udp : PortProtocol.Tcp;

    [GeneratedRegex(@"^(?:(?:(?<ip>\[[0-9a-fA-F:.]+\]|[0-9.]+):)?(?<published>\d*):)?(?<target>\d+)(?:/(?<protocol>tcp|udp))?$")]
    private static partial Regex Short();

    [GeneratedRegex(@"^(?<port>\d+)(?:/(?<protocol>tcp|udp))?$")]
    private static partial Regex Exposed();
}
