using UedaPublicGoals.Japanese.MeCab;

namespace UedaPublicGoals.Tests.Unit.Japanese;

/// <summary>The P/Invoke wrapper against the real libmecab.so.2 and Debian's IPA dictionary.</summary>
public sealed class MeCabTaggerTests : IDisposable
{
    private readonly MeCabTagger tagger = MeCabTagger.Open();

    [Fact]
    public void Splits_a_sentence_into_morphemes_with_katakana_readings()
    {
        var tokens = tagger.Parse("審議会で計画を策定する");

        Assert.Equal(["審議", "会", "で", "計画", "を", "策定", "する"], tokens.Select(t => t.Surface));
        Assert.Equal(["シンギ", "カイ", "デ", "ケイカク", "ヲ", "サクテイ", "スル"], tokens.Select(t => t.Reading));
    }

    [Fact]
    public void Whitespace_is_not_returned_and_unknown_words_have_no_reading()
    {
        var tokens = tagger.Parse("ＤＸ 推進 😀 qwzx");

        Assert.DoesNotContain(tokens, t => string.IsNullOrWhiteSpace(t.Surface));
        Assert.Contains(tokens, t => t.Surface == "推進" && t.Reading == "スイシン");
        Assert.Contains(tokens, t => t.Surface == "😀" && t.Reading is null);
    }

    [Fact]
    public void Text_with_a_NUL_character_is_refused_rather_than_cut()
    {
        Assert.Throws<ArgumentException>(() => tagger.Parse("上田\0市"));
    }

    [Fact]
    public void The_default_output_format_is_read_line_by_line_up_to_EOS()
    {
        var output = "上田\t名詞,固有名詞,地域,一般,*,*,上田,ウエダ,ウエダ\nＸＹ\t名詞,固有名詞,組織,*,*,*,*\n働\t名詞,一般,*,*,*,*,*\nEOS\n";

        var tokens = MeCabTagger.ReadOutput(output);

        Assert.Equal([new MeCabToken("上田", "ウエダ"), new MeCabToken("ＸＹ", null), new MeCabToken("働", null)], tokens);
    }

    [Fact]
    public void One_tagger_answers_parallel_callers_each_with_their_own_result()
    {
        string[] texts = ["学園都市づくりの推進", "広報紙面の充実", "長野大学の改革促進", "総合計画の策定"];
        var expected = texts.Select(t => string.Join("|", tagger.Parse(t).Select(x => x.Surface + x.Reading))).ToArray();

        var results = Enumerable.Range(0, 400).AsParallel().Select(i => (i, string.Join("|", tagger.Parse(texts[i % 4]).Select(x => x.Surface + x.Reading)))).ToList();

        Assert.All(results, r => Assert.Equal(expected[r.i % 4], r.Item2));
    }

    [Fact]
    public void A_missing_dictionary_is_reported_as_unavailable()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-mecab-dictionary-" + Guid.NewGuid().ToString("N"));

        var ex = Assert.Throws<MeCabUnavailableException>(() => MeCabTagger.Open(missing));

        Assert.Contains("mecab-ipadic-utf8", ex.Message);
    }

    public void Dispose() => tagger.Dispose();
}
