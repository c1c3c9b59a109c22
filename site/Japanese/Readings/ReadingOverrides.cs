namespace UedaPublicGoals.Japanese.Readings;

/// <summary>
/// The reading list staff keep in the backoffice (上田 うえだ, 真田 さなだ…), as an immutable
/// snapshot. Applied on top of MeCab like a user dictionary: a listed word is never split or
/// read by the analyzer; the longest listed word starting at a position wins.
/// </summary>
public sealed class ReadingOverrides
{
    private readonly Dictionary<char, (string Surface, string Reading)[]> byFirstChar;

    public ReadingOverrides(IEnumerable<(string Surface, string Reading)> entries)
    {
        byFirstChar = entries
            .Where(e => e.Surface.Length > 0 && e.Reading.Length > 0)
            .GroupBy(e => e.Surface[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(e => e.Surface.Length).ToArray());
        Count = byFirstChar.Values.Sum(v => v.Length);
    }

    public static ReadingOverrides Empty { get; } = new([]);

    public int Count { get; }

    /// <summary>The listed word starting at <paramref name="index"/>, if any.</summary>
    public (string Surface, string Reading)? Match(string text, int index)
    {
        if (byFirstChar.TryGetValue(text[index], out var candidates))
        {
            foreach (var candidate in candidates)
            {
                if (string.CompareOrdinal(text, index, candidate.Surface, 0, candidate.Surface.Length) == 0)
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
