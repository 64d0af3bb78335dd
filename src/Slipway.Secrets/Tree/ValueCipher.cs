using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Slipway.Secrets.Tree;

/// <summary>A value that failed AES-GCM authentication or does not have sops' ENC[...] shape.</summary>
internal sealed class ValueCipherException(string message) : Exception(message);

/// <summary>
/// sops' value format: ENC[AES256_GCM,data:..,iv:..,tag:..,type:..] with a 32-byte IV, which is why this
/// uses BouncyCastle (.NET's AesGcm only takes 12-byte nonces).
/// </summary>
internal static partial class ValueCipher
{
    private const int IvSize = 32;
    private const int TagBits = 128;

    [GeneratedRegex(@"^ENC\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\]", RegexOptions.Singleline)]
    private static partial Regex EncPattern();

    public static bool LooksEncrypted(string text) => EncPattern().IsMatch(text);

    public static string Encrypt(object plaintext, byte[] key, string additionalData, IvStash? stash = null)
    {
        var (type, text) = plaintext switch
        {
            string s => ("str", s),
            long l => ("int", l.ToString(CultureInfo.InvariantCulture)),
            double d => ("float", GoFormat.Float(d)),
            bool b => ("bool", b ? "True" : "False"),
            Comment c => ("comment", c.Value),
            _ => throw new InvalidOperationException($"cannot encrypt a {plaintext.GetType().Name}"),
        };
        if (text.Length == 0 && type is "str" or "comment") return "";
        var iv = stash?.Find(additionalData, type, text) ?? RandomNumberGenerator.GetBytes(IvSize);
        var sealedBytes = Run(true, key, iv, additionalData, Encoding.UTF8.GetBytes(text));
        var tagStart = sealedBytes.Length - TagBits / 8;
        return $"ENC[AES256_GCM,data:{Convert.ToBase64String(sealedBytes, 0, tagStart)}," +
               $"iv:{Convert.ToBase64String(iv)},tag:{Convert.ToBase64String(sealedBytes, tagStart, TagBits / 8)},type:{type}]";
    }

    public static object Decrypt(string ciphertext, byte[] key, string additionalData, IvStash? stash = null)
    {
        if (ciphertext.Length == 0) return "";
        var match = EncPattern().Match(ciphertext);
        if (!match.Success) throw new ValueCipherException("value is not in sops' ENC[AES256_GCM,...] format");
        var (data, iv, tag) = (Decode(match, 1), Decode(match, 2), Decode(match, 3));
        var type = match.Groups[4].Value;
        byte[] plain;
        try
        {
            plain = Run(false, key, iv, additionalData, [.. data, .. tag]);
        }
        catch (InvalidCipherTextException)
        {
            throw new ValueCipherException("value fails AES-GCM authentication");
        }
        var text = Encoding.UTF8.GetString(plain);
        stash?.Remember(additionalData, type switch { "int64" => "int", "bytes" or "time" => "str", _ => type }, text, iv);
        return Typed(type, text);
    }

    private static object Typed(string type, string text) => type switch
    {
        "str" or "bytes" or "time" => text,
        "int" or "int64" => GoFormat.ParseInt(text) ?? throw new ValueCipherException($"'{type}' value is not an integer"),
        "float" => GoFormat.ParseFloat(text) ?? throw new ValueCipherException("'float' value is not a number"),
        "bool" => GoFormat.ParseBool(text) ?? throw new ValueCipherException("'bool' value is not a boolean"),
        "comment" => new Comment(text),
        _ => throw new ValueCipherException($"unknown value type '{type}'"),
    };

    private static byte[] Decode(Match match, int group)
    {
        try
        {
            return Convert.FromBase64String(match.Groups[group].Value);
        }
        catch (FormatException)
        {
            throw new ValueCipherException("value has invalid base64");
        }
    }

    private static byte[] Run(bool encrypt, byte[] key, byte[] iv, string additionalData, byte[] input)
    {
        var gcm = new GcmBlockCipher(new AesEngine());
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(key), TagBits, iv, Encoding.UTF8.GetBytes(additionalData)));
        var output = new byte[gcm.GetOutputSize(input.Length)];
        var length = gcm.ProcessBytes(input, 0, input.Length, output, 0);
        length += gcm.DoFinal(output, length);
        return length == output.Length ? output : output[..length];
    }
}

/// <summary>
/// Remembers the IV of every value decrypted, so re-encrypting an unchanged value with the same data key
/// gives the same ciphertext and an edit only changes the lines it touched (sops does the same).
/// </summary>
internal sealed class IvStash
{
    private readonly Dictionary<string, byte[]> _ivs = new(StringComparer.Ordinal);

    public void Remember(string additionalData, string type, string text, byte[] iv) =>
        _ivs[Key(additionalData, type, text)] = iv;

    public byte[]? Find(string additionalData, string type, string text) =>
        _ivs.GetValueOrDefault(Key(additionalData, type, text));

    public void Clear() => _ivs.Clear();

    private static string Key(string additionalData, string type, string text) => $"{additionalData}\0{type}\0{text}";
}
