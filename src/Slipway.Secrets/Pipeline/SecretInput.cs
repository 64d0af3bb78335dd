using System.Text;

namespace Slipway.Secrets.Pipeline;

/// <summary>Reads a secret value typed or piped in, so it never appears on a command line or in shell history.</summary>
public static class SecretInput
{
    /// <summary>Piped: all of stdin, without the one trailing newline echo and editors add. A terminal: one line, not echoed.</summary>
    public static SecretValue ReadStandardInput(string key)
    {
        var value = Console.IsInputRedirected ? TrimOneNewline(Console.In.ReadToEnd()) : ReadHidden(key);
        return value.Length > 0 ? new SecretValue(value)
            : throw new SecretsException($"no value for '{key}' on stdin; pipe it in: printf %s \"$VALUE\" | ./build.sh SecretsSet --key {key}");
    }

    public static string TrimOneNewline(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2] : text.EndsWith('\n') ? text[..^1] : text;

    private static string ReadHidden(string key)
    {
        Console.Error.Write($"Value for {key} (not shown; Enter to finish): ");
        var value = new StringBuilder();
        for (var k = Console.ReadKey(intercept: true); k.Key != ConsoleKey.Enter; k = Console.ReadKey(intercept: true))
        {
            if (k.Key == ConsoleKey.Backspace) { if (value.Length > 0) value.Length--; }
            else if (!char.IsControl(k.KeyChar)) value.Append(k.KeyChar);
        }
        Console.Error.WriteLine();
        return value.ToString();
    }
}
