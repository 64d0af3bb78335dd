using System.Security.Cryptography;
using System.Text;

namespace SampleService;

/// <summary>A secret value that can be compared but never printed.</summary>
internal sealed class Secret(string value)
{
    // Hashing first keeps the comparison constant-time regardless of the candidate's length.
    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(Hash(value), Hash(candidate));

    public override string ToString() => "[REDACTED]";

    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
