using System.Formats.Tar;

namespace Slipway.Backup.Archive;

/// <summary>Copies a tar entry's metadata (type, mode, owner, time, link, device, xattrs) under a new name; the data is the caller's.</summary>
internal static class TarEntryCopy
{
    public static PaxTarEntry Renamed(TarEntry source, string name, Func<string, string> hardLinkTarget)
    {
        var type = EntryType(source);
        var entry = new PaxTarEntry(type, name, ExtendedAttributes(source))
        {
            Mode = source.Mode, Uid = source.Uid, Gid = source.Gid, ModificationTime = source.ModificationTime,
        };
        if (source is PosixTarEntry posix)
        {
            entry.UserName = posix.UserName;
            entry.GroupName = posix.GroupName;
            if (type is TarEntryType.CharacterDevice or TarEntryType.BlockDevice)
                (entry.DeviceMajor, entry.DeviceMinor) = (posix.DeviceMajor, posix.DeviceMinor);
        }
        if (type == TarEntryType.SymbolicLink) entry.LinkName = source.LinkName;
        if (type == TarEntryType.HardLink) entry.LinkName = hardLinkTarget(source.LinkName);
        return entry;
    }

    static TarEntryType EntryType(TarEntry source) => source.EntryType switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => TarEntryType.RegularFile,
        TarEntryType.Directory or TarEntryType.SymbolicLink or TarEntryType.HardLink or TarEntryType.Fifo
            or TarEntryType.CharacterDevice or TarEntryType.BlockDevice => source.EntryType,
        _ => throw new BackupException($"{source.Name}: tar entries of type {source.EntryType} are not supported; remove the file from the volume or report it"),
    };

    /// <summary>Extended attributes (xattrs) travel along; PAX keys the writer derives itself (path, size, times) do not.</summary>
    static IEnumerable<KeyValuePair<string, string>> ExtendedAttributes(TarEntry source) =>
        source is PaxTarEntry pax
            ? pax.ExtendedAttributes.Where(a => a.Key.StartsWith("SCHILY.xattr.", StringComparison.Ordinal) || a.Key.StartsWith("LIBARCHIVE.xattr.", StringComparison.Ordinal))
            : [];
}
