using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Japanese;
using UedaPublicGoals.Japanese.Furigana;
using UedaPublicGoals.Japanese.Glossary;
using UedaPublicGoals.Japanese.Readings;

namespace UedaPublicGoals.Tests.Unit.Japanese;

/// <summary>The HTML pass: ruby over text nodes only, glossary links on first occurrence, markup copied as it was.</summary>
public sealed class PageRewriterTests : IDisposable
{
    private readonly JapaneseReader reader = new(Options.Create(new JapaneseOptions()), NullLogger<JapaneseReader>.Instance);
    private readonly GlossaryCatalog glossary = new();
    private readonly PublicPageRewriter rewriter;

    public PageRewriterTests()
    {
        rewriter = new PublicPageRewriter(glossary, new FuriganaRenderer(reader));
        glossary.Use([new GlossaryEntry(1, "DX", "デジタル"), new GlossaryEntry(2, "定住自立圏", "制度"), new GlossaryEntry(3, "EBPM", "証拠")]);
    }

    [Fact]
    public void Text_nodes_get_ruby_and_tags_attributes_and_comments_are_copied_byte_for_byte()
    {
        const string html = "<p title=\"計画 > 案\" data-x='市'>計画</p><!-- 計画 --><img alt=\"計画\">";

        Assert.Equal("<p title=\"計画 > 案\" data-x='市'><span><ruby>計画<rt>けいかく</rt></ruby></span></p><!-- 計画 --><img alt=\"計画\">", rewriter.Rewrite(html, withFurigana: true, markTerms: false));
    }

    [Theory]
    [InlineData("<script>var a = '<b>計画</b>';</script>")]
    [InlineData("<style>.計画{}</style>")]
    [InlineData("<textarea name=\"text\">意見の本文</textarea>")]
    [InlineData("<code>計画</code>")]
    [InlineData("<ruby>上田<rt>うえだ</rt></ruby>")]
    [InlineData("<select><option value=\"1\">政策企画部</option></select>")]
    [InlineData("<title>計画｜上田市</title>")]
    [InlineData("<p>A &amp; B &lt;tag&gt;</p>")]
    public void Code_scripts_form_values_existing_ruby_and_text_without_kanji_are_left_alone(string html)
    {
        Assert.Equal(html, rewriter.Rewrite(html, withFurigana: true, markTerms: true));
    }

    [Fact]
    public void Entities_are_decoded_for_reading_and_encoded_again()
    {
        Assert.Equal("<p><span>&lt;<ruby>計画<rt>けいかく</rt></ruby>&gt; &amp; A</span></p>", rewriter.Rewrite("<p>&lt;計画&gt; &amp; A</p>", withFurigana: true, markTerms: false));
    }

    [Fact]
    public void Only_the_first_occurrence_of_a_term_in_main_is_linked_never_in_links_or_headings()
    {
        const string html = "<header><p>DX</p></header><main><h1>DXと定住自立圏</h1><p><a href=\"/x\">DX</a></p><p>本市のDXとEBPM、またDX。</p><p>定住自立圏とDX</p></main>";

        var result = rewriter.Rewrite(html, withFurigana: false, markTerms: true);

        Assert.Equal(
            "<header><p>DX</p></header><main><h1>DXと定住自立圏</h1><p><a href=\"/x\">DX</a></p>" +
            "<p><span>本市の<a class=\"glossary-term\" href=\"/yogo/#yogo-1\">DX</a>と<a class=\"glossary-term\" href=\"/yogo/#yogo-3\">EBPM</a>、またDX。</span></p>" +
            "<p><span><a class=\"glossary-term\" href=\"/yogo/#yogo-2\">定住自立圏</a>とDX</span></p></main>",
            result);
    }

    [Fact]
    public void A_linked_term_also_gets_its_furigana()
    {
        var result = rewriter.Rewrite("<main><p>定住自立圏</p></main>", withFurigana: true, markTerms: true);

        Assert.Equal("<main><p><span><a class=\"glossary-term\" href=\"/yogo/#yogo-2\"><ruby>定住<rt>ていじゅう</rt></ruby><ruby>自立<rt>じりつ</rt></ruby><ruby>圏<rt>けん</rt></ruby></a></span></p></main>", result);
    }

    [Theory]
    [InlineData("GDXの推進")]
    [InlineData("DXs")]
    [InlineData("EBPMM")]
    public void An_ascii_term_matches_only_as_a_whole_word(string text)
    {
        Assert.Null(glossary.Mark(text, new HashSet<int>()));
    }

    [Fact]
    public void Known_terms_and_terms_not_in_the_glossary()
    {
        Assert.True(glossary.IsKnownTerm("ＤＸ"));
        Assert.True(glossary.IsKnownTerm(" 定住自立圏 "));
        Assert.False(glossary.IsKnownTerm("PDCA"));

        var missing = glossary.TermsNotInGlossary("DXとPDCAでスマートシティを進め、地域課題解決協働プロジェクトとEBPMを使う。");

        Assert.Equal(["PDCA", "スマートシティ", "地域課題解決協働", "プロジェクト"], missing);
    }

    public void Dispose() => reader.Dispose();
}
