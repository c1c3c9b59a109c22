using System.Text;
using System.Text.RegularExpressions;

namespace UedaPublicGoals.Japanese.Readings;

/// <summary>
/// Puts a word's reading over its kanji only: 取り組み + とりくみ → 取(と) り 組(く) み, so the
/// okurigana stays outside the ruby. Kana in the word anchor the split; when the reading does
/// not line up (ateji, irregular readings) the whole word carries the whole reading.
/// </summary>
public static class OkuriganaSplitter
{
    /// <summary>
    /// A guard against a pathological word, not a budget: the timeout is wall time, so on a busy
    /// machine a thread descheduled for a moment can pass a tight one on an ordinary word.
    /// </summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<ReadingSegment> Split(string surface, string? reading) => Split(surface, reading, MatchTimeout);

    internal static IReadOnlyList<ReadingSegment> Split(string surface, string? reading, TimeSpan matchTimeout)
    {
        if (string.IsNullOrEmpty(reading) || !KanaText.ContainsKanji(surface))
        {
            return [new ReadingSegment(surface, null)];
        }

        var hiragana = KanaText.ToHiragana(reading);
        var runs = Runs(surface);
        if (runs.Count == 1)
        {
            return [new ReadingSegment(surface, hiragana)];
        }

        var pattern = new StringBuilder("^");
        foreach (var (text, isKanji) in runs)
        {
            pattern.Append(isKanji ? "(.+?)" : Regex.Escape(KanaText.ToHiragana(text)));
        }

        Match? match;
        try
        {
            match = Regex.Match(hiragana, pattern.Append('$').ToString(), RegexOptions.CultureInvariant, matchTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            // Too slow to line up: read it like a word that does not line up, rather than fail the
            // page or the search index that asked for its reading.
            match = null;
        }

        if (match is not { Success: true })
        {
            return [new ReadingSegment(surface, hiragana)];
        }

        var segments = new List<ReadingSegment>(runs.Count);
        var group = 1;
        foreach (var (text, isKanji) in runs)
        {
            segments.Add(new ReadingSegment(text, isKanji ? match.Groups[group++].Value : null));
        }

        return segments;
    }

    private static List<(string Text, bool IsKanji)> Runs(string surface)
    {
        var runs = new List<(string, bool)>();
        var start = 0;
        for (var i = 1; i <= surface.Length; i++)
        {
            if (i == surface.Length || KanaText.IsKanji(surface[i]) != KanaText.IsKanji(surface[start]))
            {
                runs.Add((surface[start..i], KanaText.IsKanji(surface[start])));
                start = i;
            }
        }

        return runs;
    }
}
