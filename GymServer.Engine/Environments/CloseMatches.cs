namespace GymServer.Engine.Environments;

/// <summary>Close-match suggestions for a mistyped id, by edit distance (case-insensitive), best first.</summary>
public static class CloseMatches
{
    public static IReadOnlyList<string> Find(string word, IEnumerable<string> candidates, int count = 3)
    {
        var lowered = word.ToLowerInvariant();
        return candidates
            .Select(candidate => (candidate, distance: Distance(lowered, candidate.ToLowerInvariant())))
            .Where(match => match.distance <= Math.Max(2, match.candidate.Length / 3))
            .OrderBy(match => match.distance)
            .ThenBy(match => match.candidate, StringComparer.Ordinal)
            .Take(count)
            .Select(match => match.candidate)
            .ToList();
    }

    /// <summary>Levenshtein distance.</summary>
    public static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
