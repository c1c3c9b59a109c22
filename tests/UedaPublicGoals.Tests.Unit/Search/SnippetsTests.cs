using UedaPublicGoals.Search.Querying;

namespace UedaPublicGoals.Tests.Unit.Search;

/// <summary>Snippets: matches marked once, everything else encoded, a readable window.</summary>
public sealed class SnippetsTests
{
    private static string Mark(string text, string query) => Snippets.MarkAll(text, SearchTerms.Parse(query));

    [Fact]
    public void Overlapping_bigram_matches_become_one_mark()
    {
        Assert.Equal("長野大学の改革促進と<mark>学園都市</mark>づくりの推進", Mark("長野大学の改革促進と学園都市づくりの推進", "学園都市"));
    }

    [Fact]
    public void Touching_matches_of_two_words_are_merged()
    {
        Assert.Equal("<mark>学園都市</mark>構想", Mark("学園都市構想", "都市 学園"));
    }

    [Fact]
    public void Only_the_whole_phrase_is_marked_not_its_parts_elsewhere()
    {
        Assert.Equal("都市計画と学園祭", Mark("都市計画と学園祭", "学園都市"));
    }

    [Fact]
    public void Text_around_marks_is_html_encoded()
    {
        Assert.Equal(
            "&lt;script&gt;<mark>LINE</mark>&lt;/script&gt; &amp; &quot;SNS&quot; &#39;x&#39;",
            Mark("<script>LINE</script> & \"SNS\" 'x'", "line"));
    }

    [Fact]
    public void Marks_cover_the_original_characters_whatever_width_was_typed()
    {
        Assert.Equal("<mark>ＬＩＮＥ</mark>友だちと<mark>ｶﾞｲﾄﾞ</mark>", Mark("ＬＩＮＥ友だちとｶﾞｲﾄﾞ", "line ガイド"));
    }

    [Fact]
    public void A_long_text_is_cut_around_the_matches_with_ellipses()
    {
        var text = new string('あ', 300) + "土地利用の方向性" + new string('い', 300);
        var excerpt = Snippets.Excerpt(text, SearchTerms.Parse("土地利用"), 100);
        Assert.StartsWith("…", excerpt);
        Assert.EndsWith("…", excerpt);
        Assert.Contains("<mark>土地利用</mark>の方向性", excerpt);
        Assert.Equal(100 + 2, excerpt.Replace("<mark>", "").Replace("</mark>", "").Length);
    }

    [Fact]
    public void An_excerpt_starts_at_the_beginning_of_the_phrase_before_the_match()
    {
        var text = new string('あ', 200) + "。\n(3) メール・SNS等を活用した情報発信媒体の充実" + new string('い', 200);
        var excerpt = Snippets.Excerpt(text, SearchTerms.Parse("情報発信"), 60);
        Assert.StartsWith("…(3) メール・SNS等を活用した<mark>情報発信</mark>", excerpt);
    }

    [Fact]
    public void Without_a_match_the_excerpt_is_the_start_of_the_text()
    {
        var text = "目的・効果" + new string('う', 200);
        var excerpt = Snippets.Excerpt(text, SearchTerms.Parse("学園都市"), 100);
        Assert.StartsWith("目的・効果", excerpt);
        Assert.EndsWith("…", excerpt);
        Assert.DoesNotContain("<mark>", excerpt);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("🎓", 100)) + "DX";
        var excerpt = Snippets.Excerpt(text, SearchTerms.Parse("dx"), 51);
        Assert.False(char.IsLowSurrogate(excerpt.TrimStart('…')[0]));
        Assert.EndsWith("<mark>DX</mark>", excerpt);
    }
}
