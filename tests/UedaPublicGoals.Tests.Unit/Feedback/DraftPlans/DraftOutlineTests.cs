using UedaPublicGoals.Feedback.DraftPlans;
using UedaPublicGoals.Kernel.Diff;
using UedaPublicGoals.Kernel.Markdown;

namespace UedaPublicGoals.Tests.Unit.Feedback.DraftPlans;

/// <summary>How a draft's Markdown becomes chapters, sections and numbered paragraphs, and how versions are compared.</summary>
public sealed class DraftOutlineTests
{
    private static readonly MarkdownRenderer Markdown = new();

    private const string Plan = """
        この計画は、上田市のまちづくりの方向を示します。

        # 第1章 総論

        総論の最初の段落です。

        ## 計画の目的

        目的の一つ目です。

        目的の二つ目です。

        - 箇条書きの一行目
        - 箇条書きの二行目

        ### 補足

        補足の段落です。

        ---

        ## 計画の期間

        2026年度から2035年度までです。

        # 第2章 まちづくりの方向

        ## 若者

        若者が住み続けたいと思えるまち。
        """;

    private static List<(string Key, string Label, string Text)> Paragraphs(DraftOutline outline) =>
        outline.Paragraphs.Select(p => (p.Ref.Key, p.Ref.Label, p.Markdown)).ToList();

    [Fact]
    public void Chapters_sections_and_paragraphs_are_numbered_with_numbering_restarting_per_section()
    {
        var outline = DraftOutline.Split(Plan, Markdown);
        Assert.Equal(
            [
                ("0-0-1", "前文 ¶1", "この計画は、上田市のまちづくりの方向を示します。"),
                ("1-0-1", "第1章 ¶1", "総論の最初の段落です。"),
                ("1-1-1", "第1章 第1節 ¶1", "目的の一つ目です。"),
                ("1-1-2", "第1章 第1節 ¶2", "目的の二つ目です。"),
                ("1-1-3", "第1章 第1節 ¶3", "- 箇条書きの一行目\n- 箇条書きの二行目"),
                ("1-1-4", "第1章 第1節 ¶4", "補足の段落です。"),
                ("1-2-1", "第1章 第2節 ¶1", "2026年度から2035年度までです。"),
                ("2-1-1", "第2章 第1節 ¶1", "若者が住み続けたいと思えるまち。"),
            ],
            Paragraphs(outline));

        var headings = outline.Blocks.OfType<DraftHeading>().Select(h => (h.Level, h.Text, h.Anchor)).ToList();
        Assert.Equal(
            [(1, "第1章 総論", "c1"), (2, "計画の目的", "c1-1"), (3, "補足", null), (2, "計画の期間", "c1-2"), (1, "第2章 まちづくりの方向", "c2"), (2, "若者", "c2-1")],
            headings);
        Assert.Equal("p1-1-3", outline.Paragraphs.ElementAt(4).Ref.Anchor);
    }

    [Fact]
    public void The_same_text_splits_the_same_way_every_time_and_CRLF_does_not_change_it()
    {
        var first = Paragraphs(DraftOutline.Split(Plan, Markdown));
        var again = Paragraphs(DraftOutline.Split(Plan.ReplaceLineEndings("\r\n"), Markdown));
        Assert.Equal(first, again);
    }

    [Fact]
    public void Raw_HTML_is_a_paragraph_of_text_not_markup()
    {
        var outline = DraftOutline.Split("# 章\n\n<script>alert(1)</script>\n\n本文", Markdown);
        var html = Markdown.RenderToString(outline.Paragraphs.First().Markdown);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Equal(["1-0-1", "1-0-2"], outline.Paragraphs.Select(p => p.Ref.Key));
    }

    [Theory]
    [InlineData("2-1-3", true)]
    [InlineData("0-0-1", true)]
    [InlineData("2-1-0", false)]
    [InlineData("2-1", false)]
    [InlineData("a-1-3", false)]
    [InlineData("2-1-3 ", false)]
    [InlineData("-1-1-1", false)]
    [InlineData("99999-1-1", false)]
    [InlineData("", false)]
    public void Only_well_formed_keys_parse(string key, bool valid)
    {
        Assert.Equal(valid, ParagraphRef.TryParse(key, out var parsed));
        if (valid)
        {
            Assert.Equal(key, parsed.Key);
        }
    }

    [Fact]
    public void Versions_are_compared_by_paragraph_an_insert_does_not_mark_the_later_paragraphs_changed()
    {
        var older = DraftOutline.Split("# 章\n\n一つ目。\n\n二つ目の段落です。\n\n三つ目。\n\n消える段落。", Markdown);
        var newer = DraftOutline.Split("# 章\n\n一つ目。\n\n新しく入った段落。\n\n二つ目の段落でした。\n\n三つ目。", Markdown);
        var changes = DraftChanges.Between(older, newer);

        Assert.Equal(
            [
                (ParagraphChangeKind.Added, null, "1-0-2"),
                (ParagraphChangeKind.Changed, "1-0-2", "1-0-3"),
                (ParagraphChangeKind.Removed, "1-0-4", null),
            ],
            changes.Select(c => (c.Kind, c.Old?.Ref.Key, c.New?.Ref.Key)).ToList());
    }

    [Fact]
    public void A_changed_paragraph_gets_a_character_diff()
    {
        var older = DraftOutline.Split("# 章\n\n若者が住みやすいまち。", Markdown);
        var newer = DraftOutline.Split("# 章\n\n若者が住み続けたいまち。", Markdown);
        var pieces = Assert.Single(DraftChanges.Between(older, newer)).Pieces;
        Assert.Equal(
            [
                new TextSegment(TextSegmentKind.Same, "若者が住み"),
                new TextSegment(TextSegmentKind.Removed, "やす"),
                new TextSegment(TextSegmentKind.Added, "続けた"),
                new TextSegment(TextSegmentKind.Same, "いまち。"),
            ],
            pieces);
        Assert.Equal("若者が住みやすいまち。", string.Concat(pieces.Where(p => p.Kind != TextSegmentKind.Added).Select(p => p.Text)));
        Assert.Equal("若者が住み続けたいまち。", string.Concat(pieces.Where(p => p.Kind != TextSegmentKind.Removed).Select(p => p.Text)));
    }

    [Fact]
    public void Added_and_removed_paragraphs_are_one_piece_each()
    {
        var older = DraftOutline.Split("# 章\n\n残る段落。\n\n消える段落です。", Markdown);
        var newer = DraftOutline.Split("# 章\n\n残る段落。\n\nまったく別の新しい文章。", Markdown);
        Assert.Equal(
            [
                (ParagraphChangeKind.Added, new TextSegment(TextSegmentKind.Added, "まったく別の新しい文章。")),
                (ParagraphChangeKind.Removed, new TextSegment(TextSegmentKind.Removed, "消える段落です。")),
            ],
            DraftChanges.Between(older, newer).Select(c => (c.Kind, Assert.Single(c.Pieces))).ToList());
    }

    [Fact]
    public void Identical_versions_have_no_changes()
    {
        var outline = DraftOutline.Split(Plan, Markdown);
        Assert.Empty(DraftChanges.Between(outline, DraftOutline.Split(Plan, Markdown)));
    }
}
