using System.Globalization;
using System.Numerics;

namespace Slipway.Secrets.Tree;

/// <summary>Formats scalars byte for byte as sops (Go) does, because the MAC and the ciphertexts depend on it.</summary>
internal static class GoFormat
{
    /// <summary>The bytes sops hashes into the MAC for a leaf (sops.ToBytes).</summary>
    public static string MacText(object value) => value switch
    {
        string s => s,
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => Float(d),
        bool b => b ? "True" : "False",
        Comment c => c.Value,
        _ => throw new InvalidOperationException($"cannot hash a {value.GetType().Name}"),
    };

    /// <summary>Go's strconv.FormatFloat(v, 'f', -1, 64): shortest round-trip digits, never an exponent.</summary>
    public static string Float(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "+Inf";
        if (double.IsNegativeInfinity(value)) return "-Inf";
        var r = value.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOfAny(['E', 'e']);
        if (e < 0) return r;
        var exponent = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        var mantissa = r[..e];
        var negative = mantissa.StartsWith('-');
        if (negative) mantissa = mantissa[1..];
        var dot = mantissa.IndexOf('.');
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var pointAt = (dot < 0 ? mantissa.Length : dot) + exponent;
        string plain;
        if (pointAt <= 0) plain = "0." + new string('0', -pointAt) + digits;
        else if (pointAt >= digits.Length) plain = digits + new string('0', pointAt - digits.Length);
        else plain = digits[..pointAt] + "." + digits[pointAt..];
        return (negative ? "-" : "") + plain;
    }

    /// <summary>Go's strconv.ParseBool.</summary>
    public static bool? ParseBool(string text) => text switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    /// <summary>Go's strconv.ParseFloat for the decimal forms sops writes.</summary>
    public static double? ParseFloat(string text) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" or "Inf" or "inf" or "+inf" => double.PositiveInfinity,
        "-Inf" or "-inf" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null,
    };

    /// <summary>Go's strconv.ParseInt(text, 0, 64): sign, then 0x / 0o / 0b / leading-0 octal or decimal.</summary>
    public static long? ParseInt(string text)
    {
        if (text.Length == 0) return null;
        var negative = text[0] == '-';
        var body = text[0] is '-' or '+' ? text[1..] : text;
        int radix = 10;
        if (body.Length > 2 && body[0] == '0' && char.ToLowerInvariant(body[1]) is 'x' or 'o' or 'b')
        {
            radix = char.ToLowerInvariant(body[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            body = body[2..];
        }
        else if (body.Length > 1 && body[0] == '0')
        {
            radix = 8;
            body = body[1..];
        }
        if (body.Length == 0) return null;
        BigInteger acc = 0;
        foreach (var ch in body)
        {
            var digit = char.IsAsciiDigit(ch) ? ch - '0' : char.IsAsciiLetter(ch) ? char.ToLowerInvariant(ch) - 'a' + 10 : 99;
            if (digit >= radix) return null;
            acc = acc * radix + digit;
        }
        if (negative) acc = -acc;
        return acc >= long.MinValue && acc <= long.MaxValue ? (long)acc : null;
    }
}
