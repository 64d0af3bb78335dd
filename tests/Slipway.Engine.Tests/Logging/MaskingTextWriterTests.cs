using Slipway.Engine.Logging;

namespace Slipway.Engine.Tests.Logging;

using Assert = Xunit.Assert;

public sealed class MaskingTextWriterTests
{
    [Fact]
    public void ASecretWrittenInPiecesIsStillMasked()
    {
        SecretMasker.Register("piecewise-secret");
        var inner = new StringWriter();
        var writer = new MaskingTextWriter(inner);

        writer.Write("key=piece");
        writer.Write('w');
        writer.Write("ise-sec");
        writer.WriteLine("ret done");
        writer.Write("tail");
        writer.Flush();

        Assert.Equal($"key=**** done{Environment.NewLine}tail", inner.ToString());
    }
}
