using System.Text;
using UedaPublicGoals.Japanese.Readings;
using UedaPublicGoals.Search.Indexing;
using UedaPublicGoals.Search.Querying;

namespace UedaPublicGoals.Japanese.Search;

/// <summary>
/// What the Japanese feature adds to search: a hiragana reading of every indexed text (MeCab,
/// with the reading list), kana queries matched against it, and the staff's synonym list.
/// </summary>
public sealed class JapaneseSearchExpansion(JapaneseReader reader) : ISearchQueryExpansion, ISearchReadings
{
    private volatile ILookup<string, string> synonyms = Array.Empty<SearchSynonym>().ToLookup(s => s.Term, s => s.Replacement);

    public void UseSynonyms(IEnumerable<SearchSynonym> list) =>
        synonyms = list.ToLookup(s => Fold(s.Term), s => s.Replacement, StringComparer.Ordinal);

    public IReadOnlyList<string> SynonymsOf(string word) => synonyms[Fold(word)].ToList();

    public string? ReadingOf(string word) =>
        reader.IsAvailable && KanaText.IsKanaOnly(Fold(word)) ? KanaText.ToHiragana(Fold(word)) : null;

    string? ISearchReadings.ReadingOf(string text) => reader.IsAvailable ? ReadLongText(text) : null;

    /// <summary>Width and case folded, as the analyzer folds them: ﾗｲﾝ and ライン are one word.</summary>
    private static string Fold(string word) => word.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>Line by line: a long body is read in pieces the analyzer accepts, and a line it cannot read is skipped.</summary>
    private string ReadLongText(string text)
    {
        var output = new StringBuilder(text.Length);
        foreach (var line in text.Split('\n'))
        {
            if (reader.KanaReading(line) is { } reading)
            {
                output.Append(reading).Append('\n');
            }
        }

        return output.ToString();
    }
}
