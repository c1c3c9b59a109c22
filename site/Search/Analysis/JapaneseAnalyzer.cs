using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace UedaPublicGoals.Search.Analysis;

/// <summary>
/// Japanese without a dictionary: NFKC width folding, lower case, and CJK bigrams
/// (学園都市 → 学園 園都 都市), the approach of Lucene's CJKAnalyzer. Unlike CJKAnalyzer it
/// keeps English stop words (a resident searching "IT" or "and" means it), and it emits every
/// single character too, at the same position as the bigram starting there, so a
/// one-character query such as 市 still finds something. Documents and queries use the same
/// analyzer, so positions agree; <see cref="Querying.SearchTerms"/> drops the single
/// characters a query's bigrams already cover.
/// </summary>
public sealed class JapaneseAnalyzer : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static JapaneseAnalyzer Instance { get; } = new();

    private const CJKScript AllCjkScripts = CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL;

    private JapaneseAnalyzer()
    {
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream, AllCjkScripts, outputUnigrams: true);
        return new TokenStreamComponents(source, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new NfkcCharFilter(reader);
}
