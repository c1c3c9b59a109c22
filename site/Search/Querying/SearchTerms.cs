using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using UedaPublicGoals.Search.Analysis;

namespace UedaPublicGoals.Search.Querying;

/// <summary>One analysed token of a query word and its position within that word.</summary>
public readonly record struct QueryTerm(string Text, int Position);

/// <summary>
/// A whitespace-separated word of the query as the analyzer sees it: 学園都市 is the phrase
/// 学園 園都 都市, ＤＸ is dx. Every word must match (in the title or the body).
/// </summary>
public sealed record QueryWord(string Text, IReadOnlyList<QueryTerm> Terms);

/// <summary>
/// What a resident typed, cleaned and analysed. User input never reaches a query parser:
/// quotes, colons, brackets, AND/OR and wildcards are just characters here, so they are
/// searched as text (punctuation is dropped by the tokenizer, words like AND are words).
/// </summary>
public sealed class SearchTerms
{
    /// <summary>Longer queries are refused (code query_too_long) rather than silently cut.</summary>
    public const int MaxLength = 200;

    /// <summary>Bounds the query's size whatever was typed; more words than this add nothing useful.</summary>
    private const int MaxWords = 16;

    private SearchTerms(string text, IReadOnlyList<QueryWord> words)
    {
        Text = text;
        Words = words;
    }

    /// <summary>The cleaned text, for showing back ("「…」の検索結果").</summary>
    public string Text { get; }

    public IReadOnlyList<QueryWord> Words { get; }

    /// <summary>True when nothing searchable is left, e.g. the query was only punctuation or emoji.</summary>
    public bool IsEmpty => Words.Count == 0;

    /// <summary>Length as a person counts it: characters (code points), not UTF-16 units.</summary>
    public static int LengthOf(string text) => text.EnumerateRunes().Count();

    /// <summary>
    /// Control characters and broken UTF-16 (lone surrogates) become spaces; whitespace is
    /// collapsed and trimmed. Everything else is kept for analysis.
    /// </summary>
    public static string Clean(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return "";
        }

        var builder = new StringBuilder(raw.Length);
        var lastWasSpace = true;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            var isPair = char.IsHighSurrogate(c) && i + 1 < raw.Length && char.IsLowSurrogate(raw[i + 1]);
            if (isPair)
            {
                builder.Append(c).Append(raw[++i]);
                lastWasSpace = false;
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                    lastWasSpace = true;
                }
            }
            else
            {
                builder.Append(c);
                lastWasSpace = false;
            }
        }

        return builder.ToString().Trim();
    }

    /// <summary>Analyses cleaned text (see <see cref="Clean"/>) into words of terms.</summary>
    public static SearchTerms Parse(string text)
    {
        var cleaned = Clean(text);
        var words = new List<QueryWord>();
        foreach (var word in cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var terms = Analyze(JapaneseAnalyzer.Querying, word);
            if (terms.Count > 0 && !words.Any(w => w.Terms.SequenceEqual(terms)) && words.Count < MaxWords)
            {
                words.Add(new QueryWord(word, terms));
            }
        }

        return new SearchTerms(cleaned, words);
    }

    /// <summary>Tokens with positions counted from 0 within the text.</summary>
    internal static List<QueryTerm> Analyze(Analyzer analyzer, string text)
    {
        var terms = new List<QueryTerm>();
        using var stream = analyzer.GetTokenStream(Indexing.SearchFields.Body, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            terms.Add(new QueryTerm(term.ToString(), position));
        }

        stream.End();

        // Positions relative to the first token, so a phrase starts at 0.
        var first = terms.Count == 0 ? 0 : terms[0].Position;
        return terms.Select(t => t with { Position = t.Position - first }).ToList();
    }
}
