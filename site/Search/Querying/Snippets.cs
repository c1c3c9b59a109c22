using System.Text;
using Lucene.Net.Analysis.TokenAttributes;
using UedaPublicGoals.Search.Analysis;

namespace UedaPublicGoals.Search.Querying;

/// <summary>
/// Marks where a query matched inside stored text: every query word is found as a whole
/// phrase in the text's own tokens (so 学園都市 marks 学園都市, not each 都市 elsewhere),
/// overlapping and touching matches are merged into one &lt;mark&gt;, and everything around
/// the marks is HTML-encoded. The output is safe to write into a page as it is.
/// </summary>
public static class Snippets
{
    /// <summary>Characters of context shown before the first match of a window.</summary>
    private const int Lead = 20;

    /// <summary>The whole text, encoded, with matches marked (titles).</summary>
    public static string MarkAll(string text, SearchTerms terms) =>
        Render(text, 0, text.Length, FindMatches(text, terms));

    /// <summary>
    /// A window of about <paramref name="length"/> characters around the densest cluster of
    /// matches (the start of the text when nothing matched), with … where text was cut.
    /// </summary>
    public static string Excerpt(string text, SearchTerms terms, int length = 100)
    {
        var matches = FindMatches(text, terms);
        if (text.Length <= length)
        {
            return Render(text, 0, text.Length, matches);
        }

        var (start, end) = (0, length);
        var best = -1;
        foreach (var anchor in matches)
        {
            var windowStart = ReadableStart(text, anchor.Start);
            var windowEnd = Math.Min(text.Length, windowStart + length);
            windowStart = Math.Max(0, windowEnd - length);
            var inside = matches.Count(m => m.Start >= windowStart && m.End <= windowEnd);
            if (inside > best)
            {
                (best, start, end) = (inside, windowStart, windowEnd);
            }
        }

        start = AlignToCharacter(text, start);
        end = AlignToCharacter(text, end);
        var html = Render(text, start, end, matches).Trim();
        return (start > 0 ? "…" : "") + html + (end < text.Length ? "…" : "");
    }

    /// <summary>
    /// Up to <see cref="Lead"/> characters before a match, starting after the first line break, 。
    /// or space in that stretch, so a snippet starts at the beginning of a phrase, not mid-word.
    /// </summary>
    private static int ReadableStart(string text, int matchStart)
    {
        var earliest = Math.Max(0, matchStart - Lead);
        for (var i = earliest; i < matchStart; i++)
        {
            if (text[i] is '\n' or '。' or ' ' or '　')
            {
                return i + 1;
            }
        }

        return earliest;
    }

    /// <summary>Ranges of <paramref name="text"/> (UTF-16 offsets, end exclusive), sorted and merged.</summary>
    public static IReadOnlyList<(int Start, int End)> FindMatches(string text, SearchTerms terms)
    {
        if (terms.IsEmpty || text.Length == 0)
        {
            return [];
        }

        var tokens = Tokenize(text);
        var byPosition = tokens.ToLookup(t => t.Position);
        var found = new List<(int Start, int End)>();
        foreach (var word in terms.Words)
        {
            var first = word.Terms[0];
            foreach (var candidate in tokens.Where(t => t.Term == first.Text))
            {
                var basePosition = candidate.Position - first.Position;
                var start = int.MaxValue;
                var end = int.MinValue;
                var all = true;
                foreach (var term in word.Terms)
                {
                    var match = byPosition[basePosition + term.Position].FirstOrDefault(t => t.Term == term.Text);
                    if (match is null)
                    {
                        all = false;
                        break;
                    }

                    start = Math.Min(start, match.Start);
                    end = Math.Max(end, match.End);
                }

                if (all)
                {
                    found.Add(Clamp(text, start, end));
                }
            }
        }

        return Merge(found);
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> ranges)
    {
        var merged = new List<(int Start, int End)>();
        foreach (var range in ranges.OrderBy(r => r.Start).ThenBy(r => r.End))
        {
            if (merged.Count > 0 && range.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        return merged;
    }

    private static string Render(string text, int from, int to, IReadOnlyList<(int Start, int End)> matches)
    {
        var html = new StringBuilder();
        var position = from;
        foreach (var (matchStart, matchEnd) in matches)
        {
            var start = Math.Max(matchStart, from);
            var end = Math.Min(matchEnd, to);
            if (start >= end || start < position)
            {
                continue;
            }

            Encode(html, text.AsSpan(position, start - position));
            html.Append("<mark>");
            Encode(html, text.AsSpan(start, end - start));
            html.Append("</mark>");
            position = end;
        }

        Encode(html, text.AsSpan(position, to - position));
        return html.ToString();
    }

    /// <summary>HTML text encoding; line breaks between sections read as spaces in a snippet.</summary>
    private static void Encode(StringBuilder html, ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                '\n' or '\r' => " ",
                _ => c.ToString(),
            });
        }
    }

    private static (int Start, int End) Clamp(string text, int start, int end)
    {
        start = AlignToCharacter(text, Math.Clamp(start, 0, text.Length));
        end = AlignToCharacter(text, Math.Clamp(end, 0, text.Length));
        if (end <= start)
        {
            // Offsets inside an NFKC expansion (㈱ → (株)) collapse; mark the whole character.
            start = AlignToCharacter(text, Math.Min(start, text.Length - 1));
            end = Math.Min(text.Length, start + (char.IsHighSurrogate(text[start]) ? 2 : 1));
        }

        return (start, end);
    }

    /// <summary>Never split a surrogate pair.</summary>
    private static int AlignToCharacter(string text, int offset) =>
        offset > 0 && offset < text.Length && char.IsLowSurrogate(text[offset]) ? offset - 1 : offset;

    private sealed record Token(string Term, int Position, int Start, int End);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        using var stream = JapaneseAnalyzer.Instance.GetTokenStream(Indexing.SearchFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new Token(term.ToString(), position, offset.StartOffset, offset.EndOffset));
        }

        stream.End();
        return tokens;
    }
}
