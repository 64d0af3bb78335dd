using System.Diagnostics;
using Serilog;

namespace Slipway.Backup;

/// <summary>How far a backup or restore is: files and bytes through the stream, and what restic reported.</summary>
public sealed record TransferProgress(long FilesDone, long BytesDone, long ResticBytesDone, TimeSpan Elapsed);

/// <summary>Counts files and bytes of a long transfer and logs them at most every few seconds; the caller may listen too.</summary>
internal sealed class TransferLog(string operation, IProgress<TransferProgress>? listener = null)
{
    static readonly TimeSpan s_interval = TimeSpan.FromSeconds(5);
    readonly Stopwatch _clock = Stopwatch.StartNew();
    TimeSpan _lastLog;
    long _files, _bytes, _resticBytes;

    public long Files => Interlocked.Read(ref _files);
    public long Bytes => Interlocked.Read(ref _bytes);
    public TimeSpan Elapsed => _clock.Elapsed;

    public void AddBytes(int count) { Interlocked.Add(ref _bytes, count); Tick(); }
    public void FileDone() { Interlocked.Increment(ref _files); Tick(); }
    public void ResticBytes(long bytesDone) { Interlocked.Exchange(ref _resticBytes, bytesDone); Tick(); }

    void Tick()
    {
        var progress = new TransferProgress(Files, Bytes, Interlocked.Read(ref _resticBytes), _clock.Elapsed);
        listener?.Report(progress);
        lock (this)
        {
            if (_clock.Elapsed - _lastLog < s_interval) return;
            _lastLog = _clock.Elapsed;
        }
        Log.Information("{Operation}: {Files} files, {Bytes} done after {Elapsed}", operation, progress.FilesDone, ByteSize.Format(progress.BytesDone),
            ByteSize.Format(progress.Elapsed));
    }
}

/// <summary>Sizes and durations as people read them.</summary>
public static class ByteSize
{
    public static string Format(long bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1) { value /= 1024; unit++; }
        return unit == 0 ? $"{bytes} B" : $"{value:0.0} {units[unit]}";
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds < 60 ? $"{duration.TotalSeconds:0.0}s" : $"{(int)duration.TotalMinutes}m{duration.Seconds:00}s";
}
