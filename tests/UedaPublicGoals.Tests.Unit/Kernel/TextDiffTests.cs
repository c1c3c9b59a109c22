using UedaPublicGoals.Kernel.Diff;

namespace UedaPublicGoals.Tests.Unit.Kernel;

/// <summary>The one character diff the backoffice history and the draft-plan change list share.</summary>
public sealed class TextDiffTests
{
    [Fact]
    public void Text_diff_marks_the_changed_characters_only()
    {
        var segments = TextDiff.Compare("LINE友だち登録者数 13,967人", "LINE友だち登録者数 15,200人");

        Assert.Equal("LINE友だち登録者数 13,967人", string.Concat(TextDiff.BeforeSide(segments).Select(s => s.Text)));
        Assert.Equal("LINE友だち登録者数 15,200人", string.Concat(TextDiff.AfterSide(segments).Select(s => s.Text)));
        Assert.Equal("LINE友だち登録者数 1", segments[0].Text);
        Assert.Equal(TextSegmentKind.Same, segments[0].Kind);
        Assert.Equal(TextSegmentKind.Same, segments[^1].Kind);
        Assert.Equal("人", segments[^1].Text);
        Assert.Contains(segments, s => s.Kind == TextSegmentKind.Removed && s.Text.Contains("3,967", StringComparison.Ordinal));
        Assert.Contains(segments, s => s.Kind == TextSegmentKind.Added && s.Text.Contains("5,200", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_diff_never_splits_an_emoji()
    {
        var segments = TextDiff.Compare("a😀b", "a😁b");
        // 😀 and 😁 share their high surrogate; a char-level diff would cut the pair in half.
        Assert.All(segments, s => Assert.False(char.IsHighSurrogate(s.Text[^1]) || char.IsLowSurrogate(s.Text[0])));
        Assert.Equal(["😀"], segments.Where(s => s.Kind == TextSegmentKind.Removed).Select(s => s.Text));
        Assert.Equal(["😁"], segments.Where(s => s.Kind == TextSegmentKind.Added).Select(s => s.Text));
    }

    [Fact]
    public void A_kana_with_a_combining_mark_stays_whole()
    {
        // か + combining dakuten (U+3099) is one character to a reader: が.
        var segments = TextDiff.Compare("まか\u3099る", "まく\u3099る");
        Assert.Equal(["か\u3099"], segments.Where(s => s.Kind == TextSegmentKind.Removed).Select(s => s.Text));
        Assert.Equal(["く\u3099"], segments.Where(s => s.Kind == TextSegmentKind.Added).Select(s => s.Text));
    }

    [Fact]
    public void One_change_in_a_10000_character_paragraph_is_found_exactly()
    {
        var text = Paragraph(seed: 1, length: 10_000);
        var changed = text[..5_000] + "若者" + text[5_000..];

        var segments = TextDiff.Compare(text, changed);

        Assert.Equal(
            [
                new TextSegment(TextSegmentKind.Same, text[..5_000]),
                new TextSegment(TextSegmentKind.Added, "若者"),
                new TextSegment(TextSegmentKind.Same, text[5_000..]),
            ],
            segments);
    }

    [Fact]
    public void Two_unrelated_10000_character_paragraphs_are_one_replacement_not_a_quadratic_table()
    {
        // 10,000 × 10,000 is 100M cells (400 MB of table): above the bound the middle is replaced whole.
        var before = "共通の書き出し。" + Paragraph(seed: 2, length: 10_000) + "共通の結び。";
        var after = "共通の書き出し。" + Paragraph(seed: 3, length: 10_000) + "共通の結び。";
        var allocated = GC.GetAllocatedBytesForCurrentThread();

        var segments = TextDiff.Compare(before, after);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 50_000_000, "the 100M-cell table must never be built");
        Assert.Equal(
            [TextSegmentKind.Same, TextSegmentKind.Removed, TextSegmentKind.Added, TextSegmentKind.Same],
            segments.Select(s => s.Kind));
        Assert.Equal(before, string.Concat(TextDiff.BeforeSide(segments).Select(s => s.Text)));
        Assert.Equal(after, string.Concat(TextDiff.AfterSide(segments).Select(s => s.Text)));
    }

    [Fact]
    public void Similarity_is_the_share_of_common_characters()
    {
        Assert.Equal(1.0, TextDiff.Similarity("上田市", "上田市"));
        Assert.Equal(0.0, TextDiff.Similarity("上田市", "長野県"));
        Assert.Equal(2.0 * 2 / 6, TextDiff.Similarity("上田市", "上田町"), precision: 10);
    }

    [Fact]
    public void Html_is_encoded_and_changes_are_marked()
    {
        var segments = TextDiff.Compare("x<b>y", "x<i>y");
        using var writer = new StringWriter();

        TextDiffHtml.Inline(segments).WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);

        Assert.Equal("x&lt;<del>b</del><ins>i</ins>&gt;y", writer.ToString());
    }

    /// <summary>Japanese-looking text without long repeats, so nothing lines up by accident.</summary>
    private static string Paragraph(int seed, int length)
    {
        var random = new Random(seed);
        return string.Create(length, random, (span, r) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = (char)r.Next(0x4E00, 0x9FA0);
            }
        });
    }
}
