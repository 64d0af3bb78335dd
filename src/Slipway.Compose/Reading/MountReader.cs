using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Slipway.Compose.Reading;

/// <summary>Reads service mounts in the short ("name:/path:ro", "./rel:/path") or long form.</summary>
internal static partial class MountReader
{
    public static Placed<VolumeMount> Read(ValueReader r, YamlNode node, string path)
    {
        var mount = node is YamlMappingNode ? ReadLong(r, node, path) : ReadShort(r, node, path);
        return new(mount, r.PlaceOf(node, path));
    }

    private static VolumeMount ReadShort(ValueReader r, YamlNode node, string path)
    {
        var text = r.RequiredText(node, path);
        var parts = text.Split(':');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0 || (parts.Length == 3 && parts[2] is not ("ro" or "rw")))
            throw r.Error(node, path, $"invalid volume '{text}' (use \"name:/path\", \"./host/path:/path\" or \"/host/path:/path\", optionally with :ro)");
        var isBind = parts[0].StartsWith('/') || parts[0].StartsWith('.');
        var type = isBind ? MountType.Bind : MountType.Volume;
        var source = Source(r, node, path, type, parts[0]);
        return new VolumeMount(type, source, Target(r, node, path, parts[1]), parts.Length == 3 && parts[2] == "ro");
    }

    private static VolumeMount ReadLong(ValueReader r, YamlNode node, string path)
    {
        MountType? type = null;
        string? source = null, target = null;
        var readOnly = false;
        r.ReadKeys(node, path, (key, value, valuePath) =>
        {
            switch (key)
            {
                case "type": type = ReadType(r, value, valuePath); break;
                case "source": source = r.Text(value, valuePath); break;
                case "target": target = Target(r, value, valuePath, r.RequiredText(value, valuePath)); break;
                case "read_only": readOnly = r.Bool(value, valuePath) ?? false; break;
                default: throw r.Unread(value, valuePath);
            }
        });
        if (type is not { } mountType)
            throw r.Error(node, path, "missing required key 'type' (volume, bind or tmpfs)");
        if (target is null)
            throw r.Error(node, path, "missing required key 'target' (the path in the container)");
        if ((mountType == MountType.Tmpfs) != (source is null))
            throw r.Error(node, path, mountType == MountType.Tmpfs ? "a tmpfs mount takes no 'source'" : $"missing required key 'source' for a {mountType.ToString().ToLowerInvariant()} mount");
        return new VolumeMount(mountType, source is null ? null : Source(r, node, path, mountType, source), target, readOnly);
    }

    private static MountType ReadType(ValueReader r, YamlNode node, string path) => r.Text(node, path) switch
    {
        "volume" => MountType.Volume,
        "bind" => MountType.Bind,
        "tmpfs" => MountType.Tmpfs,
        var text => throw r.Error(node, path, $"invalid mount type '{text}' (use volume, bind or tmpfs)"),
    };

    private static string Source(ValueReader r, YamlNode node, string path, MountType type, string source)
    {
        if (type == MountType.Bind)
            return Path.GetFullPath(Path.Combine(r.BaseDirectory, source));
        return VolumeName().IsMatch(source)
            ? source
            : throw r.Error(node, path, $"invalid volume name '{source}' (use letters, digits, '.', '_' and '-'; start a host path with ./ or /)");
    }

    private static string Target(ValueReader r, YamlNode node, string path, string target) =>
        target.StartsWith('/') ? target : throw r.Error(node, path, $"invalid mount target '{target}' (expected an absolute path in the container)");

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$")]
    private static partial Regex VolumeName();
}
