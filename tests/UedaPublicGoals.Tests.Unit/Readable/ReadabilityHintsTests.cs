using UedaPublicGoals.Japanese.Glossary;
using UedaPublicGoals.PlainJapanese;

namespace UedaPublicGoals.Tests.Unit.Readable;

public sealed class ReadabilityHintsTests
{
    private static readonly ReadabilityHints Hints = new(GlossaryOf("第三次上田市総合計画策定推進", "市民意見聴取"));

    /// <summary>The site's glossary (the one the editor's hints ask), with these terms published.</summary>
    private static GlossaryCatalog GlossaryOf(params string[] terms)
    {
        var glossary = new GlossaryCatalog();
        glossary.Use(terms.Select((term, i) => new GlossaryEntry(i + 1, term, "説明")));
        return glossary;
    }

    [Fact]
    public void Plain_text_is_within_the_guides()
    {
        var report = Hints.Measure("まちの いろいろな ことを みんなに しらせます。")!;
        Assert.Equal(0, report.KanjiRatio);
        Assert.Empty(report.Advice());
        Assert.Empty(report.UnexplainedTerms);
    }

    [Fact]
    public void Sheet_language_gets_advice_on_kanji_ratio_sentence_length_and_kanji_runs()
    {
        var report = Hints.Measure("第三次上田市総合計画策定推進のため、市民意見聴取を実施し、審議会における議論を踏まえた計画素案を作成する。")!;
        Assert.True(report.KanjiRatio > 0.6);
        Assert.Equal("第三次上田市総合計画策定推進", report.LongestKanjiRun);
        Assert.True(report.LongestSentence > 40);
        Assert.Equal(3, report.Advice().Count());
    }

    [Fact]
    public void Terms_the_glossary_does_not_explain_are_named()
    {
        var report = Hints.Measure("EBPMで市民意見聴取を進めます。")!;
        Assert.Equal(["EBPM"], report.UnexplainedTerms);
        Assert.Contains("用語集にない言葉：EBPM", report.Advice());
    }

    [Fact]
    public void Empty_text_has_no_report()
    {
        Assert.Null(Hints.Measure("  "));
    }
}
