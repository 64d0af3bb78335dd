namespace Slipway.Backup.Restic;

/// <summary>restic's stdin, remembering whether a write failed: then restic itself stopped, and its own error is the one to report.</summary>
internal sealed class ResticInput(Stream inner) : Stream
{
    public bool WriteFailed { get; private set; }
    public long BytesWritten { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        try { await inner.WriteAsync(buffer, ct); }
        catch (IOException) { WriteFailed = true; throw; }
        BytesWritten += buffer.Length;
    }

    public override void Flush() => FlushAsync().GetAwaiter().GetResult();

    public override async Task FlushAsync(CancellationToken ct)
    {
        try { await inner.FlushAsync(ct); }
        catch (IOException) { WriteFailed = true; throw; }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
