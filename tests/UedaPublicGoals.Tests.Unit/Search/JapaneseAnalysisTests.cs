using UedaPublicGoals.Search.Querying;

namespace UedaPublicGoals.Tests.Unit.Search;

/// <summary>How text becomes searchable terms: width folding, case, bigrams and positions.</summary>
public sealed class JapaneseAnalysisTests
{
    private static string[] Terms(string text) => SearchTerms.Analyze(text).Select(t => $"{t.Text}@{t.Position}").ToArray();

    [Theory]
    [InlineData("ＤＸ")]
    [InlineData("DX")]
    [InlineData("dx")]
    [InlineData("Ｄｘ")]
    public void Full_width_half_width_and_case_fold_to_the_same_term(string text)
    {
        Assert.Equal(["dx@0"], Terms(text));
    }

    [Theory]
    [InlineData("ｶﾀｶﾅ", "カタカナ")]
    [InlineData("ｽﾏｰﾄｼﾃｨ", "スマートシティ")]
    [InlineData("ｶﾞｲﾄﾞﾌﾞｯｸ", "ガイドブック")]
    [InlineData("ＬＩＮＥ友だち", "LINE友だち")]
    [InlineData("１８講座", "18講座")]
    public void Half_width_katakana_and_full_width_latin_read_as_their_normal_forms(string variant, string normal)
    {
        Assert.Equal(Terms(normal), Terms(variant));
    }

    [Fact]
    public void A_kanji_word_is_a_phrase_of_overlapping_bigrams()
    {
        Assert.Equal(["学園@0", "園都@1", "都市@2"], Terms("学園都市"));
    }

    [Fact]
    public void A_single_character_stays_searchable()
    {
        Assert.Equal(["市@0"], Terms("市"));
    }

    [Fact]
    public void Positions_match_the_index_where_scripts_change()
    {
        // In the index every CJK character holds a position, so after the bigram 人材 the
        // next token (dx) is two positions on, not one.
        Assert.Equal(["人材@0", "dx@2"], Terms("人材DX"));
        Assert.Equal(["合併@0", "20@2", "周年@3"], Terms("合併20周年"));
        Assert.Equal(["dx@0", "や@1", "gx@2"], Terms("DXやGX"));
    }

    [Fact]
    public void Compatibility_characters_are_normalised()
    {
        Assert.Equal(Terms("1"), Terms("①"));
        Assert.Equal(Terms("株"), Terms("㈱"));
    }
}
