using System.Text;

namespace Slipway.Engine.Logging;

/// <summary>Buffers output per line and masks secrets before passing it on, so a secret split across writes is still caught.</summary>
internal sealed class MaskingTextWriter(TextWriter inner) : TextWriter
{
    readonly StringBuilder _line = new();
    readonly object _lock = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        lock (_lock)
        {
            _line.Append(value);
            if (value == '\n')
                FlushLine();
        }
    }

    public override void Write(string? value)
    {
        if (value is null)
            return;
        lock (_lock)
        {
            var end = value.LastIndexOf('\n');
            _line.Append(value);
            if (end >= 0)
                FlushLine(keep: value.Length - end - 1);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void Flush()
    {
        lock (_lock)
        {
            FlushLine();
            inner.Flush();
        }
    }

    /// <param name="keep">Characters after the last newline, held back until their line is complete.</param>
    void FlushLine(int keep = 0)
    {
        var text = _line.ToString(0, _line.Length - keep);
        _line.Remove(0, _line.Length - keep);
        inner.Write(SecretMasker.Mask(text));
        inner.Flush();
    }
}
