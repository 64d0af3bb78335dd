namespace Slipway.Engine.Cli;

/// <summary>Finds the closest known name to a mistyped one by edit distance.</summary>
internal static class NameSuggester
{
    public static string? Suggest(string typed, IEnumerable<string> candidates)
    {
        var limit = Math.Max(2, typed.Length / 3);
        return candidates
            .Select(candidate => (candidate, distance: Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .Where(pair => pair.distance <= limit)
            .OrderBy(pair => pair.distance)
            .Select(pair => pair.candidate)
            .FirstOrDefault();
    }

    static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
