using System.Text;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using UedaPublicGoals.Search.Analysis;

namespace UedaPublicGoals.Search.Querying;

/// <summary>One analysed token of a query word and its position within that word.</summary>
public readonly record struct QueryTerm(string Text, int Position);

/// <summary>
/// A whitespace-separated word of the query as the analyzer sees it: 学園都市 is the phrase
/// 学園 園都 都市, ＤＸ is dx. Every word must match (in the title or the body).
/// </summary>
public sealed record QueryWord(string Text, IReadOnlyList<QueryTerm> Terms)
{
    /// <summary>The same word in other forms staff listed as synonyms (ライン → LINE), matched like the word itself.</summary>
    public IReadOnlyList<IReadOnlyList<QueryTerm>> Alternatives { get; init; } = [];

    /// <summary>A kana word in hiragana, matched against the documents' readings (がくえんとし → 学園都市).</summary>
    public IReadOnlyList<QueryTerm> ReadingTerms { get; init; } = [];
}

/// <summary>Extra forms of a query word: synonyms and the kana reading. The Japanese feature implements it.</summary>
public interface ISearchQueryExpansion
{
    IReadOnlyList<string> SynonymsOf(string word);

    /// <summary>The word as the reading field holds it (hiragana), or null when it is not a kana word.</summary>
    string? ReadingOf(string word);
}

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
    public static SearchTerms Parse(string text, ISearchQueryExpansion? expansion = null)
    {
        var cleaned = Clean(text);
        var words = new List<QueryWord>();
        foreach (var word in cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var terms = Analyze(word);
            if (terms.Count > 0 && !words.Any(w => w.Terms.SequenceEqual(terms)) && words.Count < MaxWords)
            {
                words.Add(new QueryWord(word, terms)
                {
                    Alternatives = expansion?.SynonymsOf(word).Select(Analyze).Where(a => a.Count > 0).ToList() ?? [],
                    ReadingTerms = expansion?.ReadingOf(word) is { } reading ? Analyze(reading) : [],
                });
            }
        }

        return new SearchTerms(cleaned, words);
    }

    /// <summary>
    /// Tokens with their positions as the index has them, counted from 0. A single CJK character
    /// is kept only where no bigram covers it (市 alone, や between DX and GX): 学園都市 becomes
    /// 学園@0 園都@1 都市@2, and 人材DX becomes 人材@0 dx@2, because in the index the
    /// character 材 holds position 1.
    /// </summary>
    internal static List<QueryTerm> Analyze(string text)
    {
        var tokens = new List<(string Term, int Position, string Type)>();
        using (var stream = JapaneseAnalyzer.Instance.GetTokenStream(Indexing.SearchFields.Body, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                tokens.Add((term.ToString(), position, type.Type));
            }

            stream.End();
        }

        var bigramStarts = tokens.Where(t => t.Type == CJKBigramFilter.DOUBLE_TYPE).Select(t => t.Position).ToHashSet();
        var kept = tokens
            .Where(t => t.Type != CJKBigramFilter.SINGLE_TYPE || !(bigramStarts.Contains(t.Position) || bigramStarts.Contains(t.Position - 1)))
            .ToList();
        var first = kept.Count == 0 ? 0 : kept[0].Position;
        return kept.Select(t => new QueryTerm(t.Term, t.Position - first)).ToList();
    }
}
