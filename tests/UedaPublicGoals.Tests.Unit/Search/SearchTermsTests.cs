using UedaPublicGoals.Search.Querying;

namespace UedaPublicGoals.Tests.Unit.Search;

/// <summary>What a resident types is text: never query syntax, never a crash.</summary>
public sealed class SearchTermsTests
{
    private static string[][] Words(string text) =>
        SearchTerms.Parse(text).Words.Select(w => w.Terms.Select(t => t.Text).ToArray()).ToArray();

    [Fact]
    public void Lucene_syntax_is_searched_as_plain_words()
    {
        // A query parser would read a field, a wildcard, operators and a group here; this is
        // the phrase "title 学園都市" and the words and, or, x.
        string[][] expected = [["title", "学園", "園都", "都市"], ["and"], ["or"], ["x"]];
        Assert.Equal(expected, Words("title:学園都市* AND OR (\"x"));
    }

    [Theory]
    [InlineData("「」！？…：；")]
    [InlineData("\"\"\"")]
    [InlineData("*?~^()[]{}")]
    [InlineData("🎉🎓")]
    [InlineData("   ")]
    public void Punctuation_or_emoji_alone_leaves_nothing_to_search(string text)
    {
        Assert.True(SearchTerms.Parse(text).IsEmpty);
    }

    [Fact]
    public void Emoji_next_to_words_are_ignored()
    {
        string[][] expected = [["学園", "園都", "都市"]];
        Assert.Equal(expected, Words("学園都市🎓"));
    }

    [Fact]
    public void Control_characters_and_broken_utf16_become_separators()
    {
        Assert.Equal("学園 都市 DX", SearchTerms.Clean("学園\u0000都市\t\u001b\uD800DX\r\n"));
        Assert.Equal("学園都市", SearchTerms.Clean("\uDC00学園都市\uD800"));
    }

    [Fact]
    public void Ideographic_space_separates_words_and_every_word_is_kept_once()
    {
        string[][] expected = [["dx"], ["人材"]];
        Assert.Equal(expected, Words("ＤＸ　人材 dx DX"));
    }

    [Fact]
    public void Length_is_counted_in_characters_not_utf16_units()
    {
        Assert.Equal(2, SearchTerms.LengthOf("🎓🎓"));
        Assert.Equal(4, SearchTerms.LengthOf("学園都市"));
    }
}
