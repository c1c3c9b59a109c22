using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Japanese;
using UedaPublicGoals.Japanese.Readings;

namespace UedaPublicGoals.Tests.Unit.Japanese;

/// <summary>Readings over kanji only, the reading list on top of MeCab, and text left alone when it cannot be read.</summary>
public sealed class ReadingTests : IDisposable
{
    private readonly JapaneseReader reader = new(Options.Create(new JapaneseOptions { MaxAnalysedLength = 200 }), NullLogger<JapaneseReader>.Instance);

    private string Ruby(string text) =>
        string.Concat(reader.Segments(text)!.Select(s => s.Reading is null ? s.Text : $"{s.Text}({s.Reading})"));

    [Theory]
    [InlineData("取り組み", "とりくみ", "取(と)り組(く)み")]
    [InlineData("進める", "ススメル", "進(すす)める")]
    [InlineData("お知らせ", "オシラセ", "お知(し)らせ")]
    [InlineData("学園都市", "ガクエントシ", "学園都市(がくえんとし)")]
    [InlineData("デジタル技術", "デジタルギジュツ", "デジタル技術(ぎじゅつ)")]
    [InlineData("今日は", "キョウハ", "今日(きょう)は")]
    public void Okurigana_stays_outside_the_reading(string surface, string reading, string expected)
    {
        var segments = OkuriganaSplitter.Split(surface, reading);

        Assert.Equal(expected, string.Concat(segments.Select(s => s.Reading is null ? s.Text : $"{s.Text}({s.Reading})")));
    }

    [Fact]
    public void A_reading_that_does_not_line_up_with_the_kana_covers_the_whole_word()
    {
        var segments = OkuriganaSplitter.Split("取り組み", "シュトク");

        Assert.Equal([new ReadingSegment("取り組み", "しゅとく")], segments);
    }

    [Fact]
    public void A_word_too_slow_to_line_up_gets_the_whole_reading_instead_of_an_error()
    {
        // Twenty kanji runs, each followed by あ, and a reading of あ only that never ends in い:
        // the lazy groups try every way of cutting it before failing, far past the timeout.
        var surface = string.Concat(Enumerable.Repeat("漢あ", 20)) + "漢い";
        var reading = new string('ア', 80);

        var segments = OkuriganaSplitter.Split(surface, reading, TimeSpan.FromMilliseconds(1));

        Assert.Equal([new ReadingSegment(surface, new string('あ', 80))], segments);
    }

    [Fact]
    public void Kanji_get_readings_and_everything_else_is_kept_as_written()
    {
        Assert.Equal("市民(しみん)の意見(いけん)を、LINEで 送(おく)る。", Ruby("市民の意見を、LINEで 送る。"));
    }

    [Fact]
    public void A_month_after_a_number_is_read_gatsu()
    {
        Assert.Equal("3月(がつ)から10月(がつ)まで", Ruby("3月から10月まで"));
    }

    [Fact]
    public void The_reading_list_overrides_the_dictionary_and_the_longest_entry_wins()
    {
        Assert.Equal("武石(たけいし)と塩田(えんでん)", Ruby("武石と塩田"));

        reader.UseOverrides(new ReadingOverrides([("武石", "たけし"), ("塩田", "しおだ"), ("上田", "うえだ"), ("信州上田学", "しんしゅううえだがく")]));

        Assert.Equal("武石(たけし)と塩田(しおだ)", Ruby("武石と塩田"));
        Assert.Equal("信州上田学(しんしゅううえだがく)と上田(うえだ)市(し)", Ruby("信州上田学と上田市"));
    }

    [Fact]
    public void Control_characters_and_over_long_text_are_not_analysed()
    {
        Assert.Null(reader.Segments("上田\u0007市"));
        Assert.Null(reader.Segments(new string('漢', 201)));
        Assert.NotNull(reader.Segments("上田市\n\t計画"));
    }

    [Fact]
    public void Emoji_and_latin_text_keep_their_place_between_readings()
    {
        Assert.Equal("😀 ABC 計画(けいかく)👍🏽", Ruby("😀 ABC 計画👍🏽"));
    }

    [Fact]
    public void The_kana_reading_of_a_text_is_hiragana()
    {
        Assert.Equal("がくえんとしづくりのすいしん", reader.KanaReading("学園都市づくりの推進"));
        Assert.Equal("しんぎかいとLINEのこらぼ", reader.KanaReading("審議会とLINEのコラボ"));
    }

    [Theory]
    [InlineData("がくえんとし", true)]
    [InlineData("ガクエン・トシ", true)]
    [InlineData("ー", true)]
    [InlineData("学園", false)]
    [InlineData("line", false)]
    [InlineData(" ", false)]
    public void Kana_only_words(string text, bool expected) => Assert.Equal(expected, KanaText.IsKanaOnly(text));

    public void Dispose() => reader.Dispose();
}
