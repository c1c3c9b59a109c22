using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace UedaPublicGoals.Search.Analysis;

/// <summary>
/// Japanese without a dictionary: NFKC width folding, lower case, and CJK bigrams
/// (学園都市 → 学園 園都 都市), the approach of Lucene's CJKAnalyzer. Unlike CJKAnalyzer it
/// keeps English stop words (a resident searching "IT" or "and" means it) and it indexes
/// single characters too, so a one-character query such as 市 still finds something.
/// </summary>
public sealed class JapaneseAnalyzer : Analyzer
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>For documents: bigrams plus unigrams at the same positions.</summary>
    public static JapaneseAnalyzer Indexing { get; } = new(outputUnigrams: true);

    /// <summary>
    /// For queries: bigrams only (a lone CJK character stays a unigram), so 学園都市 becomes
    /// the phrase 学園 園都 都市 and does not match every text containing 学 or 市.
    /// </summary>
    public static JapaneseAnalyzer Querying { get; } = new(outputUnigrams: false);

    private const CJKScript AllCjkScripts = CJKScript.HAN | CJKScript.HIRAGANA | CJKScript.KATAKANA | CJKScript.HANGUL;

    private readonly bool outputUnigrams;

    private JapaneseAnalyzer(bool outputUnigrams)
    {
        this.outputUnigrams = outputUnigrams;
    }

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream stream = new CJKWidthFilter(source);
        stream = new LowerCaseFilter(Version, stream);
        stream = new CJKBigramFilter(stream, AllCjkScripts, outputUnigrams);
        return new TokenStreamComponents(source, stream);
    }

    protected override TextReader InitReader(string fieldName, TextReader reader) => new NfkcCharFilter(reader);
}
