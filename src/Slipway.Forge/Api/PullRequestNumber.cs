using System.Globalization;

namespace Slipway.Forge.Api;

/// <summary>Reads a pull request number as given on the command line ("42" or "#42").</summary>
public static class PullRequestNumber
{
    public static int Parse(string? text)
    {
        var digits = text?.Trim().TrimStart('#') ?? "";
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0)
            throw new ForgeException(
                $"'{text}' is not a pull request number; pass the number the forge shows, e.g. --pr 42 (in a workflow: ${{{{ github.event.pull_request.number }}}})");
        return number;
    }
}
