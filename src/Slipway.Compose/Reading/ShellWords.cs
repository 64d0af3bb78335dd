using System.Text;

namespace Slipway.Compose.Reading;

/// <summary>Splits a command string into arguments the way a POSIX shell would, without expansions.</summary>
internal static class ShellWords
{
    public static bool TrySplit(string text, out IReadOnlyList<string> words, out string error)
    {
        var result = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        var quote = '\0';
        error = "";
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote == '\'')
            {
                if (c == '\'') quote = '\0'; else word.Append(c);
            }
            else if (quote == '"')
            {
                if (c == '"') quote = '\0';
                else if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`') word.Append(text[++i]);
                else word.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) result.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            else if (c is '\'' or '"') quote = c;
            else if (c == '\\' && i + 1 < text.Length) word.Append(text[++i]);
            else word.Append(c);
            inWord = true;
        }
        if (inWord) result.Add(word.ToString());
        words = result;
        if (quote != '\0')
            error = $"unterminated {quote} quote in '{text}' (close the quote, or use the list form)";
        return quote == '\0';
    }
}
