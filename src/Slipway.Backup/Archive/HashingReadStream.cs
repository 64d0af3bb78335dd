using System.Security.Cryptography;

namespace Slipway.Backup.Archive;

/// <summary>Reads exactly <c>length</c> bytes of an entry's data while hashing them with SHA-256.</summary>
/// <remarks>It claims to be seekable (Position and Length only) because TarWriter writes the size before the data and would
/// otherwise need to seek back in its output, which restic's stdin cannot do.</remarks>
internal sealed class HashingReadStream(Stream inner, long length, Action<int>? onRead = null) : Stream
{
    readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    long _position;

    public string Sha256 => _position == length
        ? Convert.ToHexStringLower(_hash.GetCurrentHash())
        : throw new InvalidOperationException($"read {_position} of {length} bytes");

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set { if (value != _position) throw new NotSupportedException("this stream only reads forward"); }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch { SeekOrigin.Begin => offset, SeekOrigin.Current => _position + offset, _ => length + offset };
        return _position;
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (_position >= length || buffer.Length == 0) return 0;
        var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, length - _position)], ct);
        if (read == 0) throw new EndOfStreamException($"the data ended after {_position} of {length} bytes (the file shrank or the stream broke)");
        _hash.AppendData(buffer.Span[..read]);
        _position += read;
        onRead?.Invoke(read);
        return read;
    }

    /// <summary>Reads what the consumer left unread, so the hash covers every byte.</summary>
    public async Task DrainAsync(CancellationToken ct)
    {
        var buffer = new byte[81920];
        while (await ReadAsync(buffer, ct) > 0) { }
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _hash.Dispose();
        base.Dispose(disposing);
    }
}
