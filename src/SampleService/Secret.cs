using System.Security.Cryptography;
using System.Text;

namespace SampleService;

/// <summary>A secret value that can be compared but never printed.</summary>
internal sealed class Secret(string value)
{
    // Both sides are padded to one length and compared in constant time. No hashing: SHA-256 would load OpenSSL,
    // which the minbase image does not have (the process would die on the first matching request).
    public bool Matches(string? candidate)
    {
        if (candidate is null) return false;
        var expected = Encoding.UTF8.GetBytes(value);
        var given = Encoding.UTF8.GetBytes(candidate);
        var length = Math.Max(expected.Length, given.Length);
        var equal = CryptographicOperations.FixedTimeEquals(Padded(expected, length), Padded(given, length));
        return equal & expected.Length == given.Length;
    }

    public override string ToString() => "[REDACTED]";

    private static byte[] Padded(byte[] bytes, int length)
    {
        var padded = new byte[length];
        bytes.CopyTo(padded, 0);
        return padded;
    }
}
