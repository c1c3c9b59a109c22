using System.Net;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Readable;

/// <summary>
/// いまの状況 at the top of every goal page, and the reporting calendar's wording, on a stopped
/// clock so "before" and "after" the October due month are fixed.
/// </summary>
public sealed class StatusBlockTests
{
    private static async Task<AngleSharp.Dom.IDocument> GoalPageAsync(PortalFactory portal, string slug)
    {
        var (response, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), $"/seisaku-kikaku/r6/{slug}/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return HtmlText.Parse(html);
    }

    [Fact]
    public async Task Every_seed_goal_lists_each_initiative_in_order_with_its_state_before_the_midterm_is_due()
    {
        using var portal = ClockedPortal.InJapanAt("2024-09-15T10:00:00");
        var rows = SourceSheets.InitiativeRows();
        for (var sheet = 1; sheet <= SourceSheets.GoalSlugs.Length; sheet++)
        {
            var page = await GoalPageAsync(portal, SourceSheets.GoalSlugs[sheet - 1]);
            var block = page.QuerySelector(".status-now")!;

            // Right after the title: nothing but the heading stands between them.
            Assert.Equal("page-title", block.PreviousElementSibling!.ClassName);

            var expected = rows.Where(r => r.Sheet == sheet).ToList();
            var shown = block.QuerySelectorAll(".status-row").ToList();
            Assert.Equal(expected.Count, shown.Count);
            for (var i = 0; i < expected.Count; i++)
            {
                var title = HtmlText.Collapse(shown[i].QuerySelector(".status-row__title")!.TextContent);
                Assert.StartsWith(expected[i].Marker, title);
                Assert.Contains(expected[i].Title, title);
                Assert.Equal($"#initiative-{i + 1}", shown[i].QuerySelector(".status-row__title")!.GetAttribute("href"));
                Assert.NotNull(page.GetElementById($"initiative-{i + 1}"));
                Assert.Equal("未報告", shown[i].QuerySelector(".status-row__state .status")!.TextContent.Trim());
                Assert.Equal("中間報告 2024年10月公開予定", shown[i].QuerySelector(".status-row__next")!.TextContent.Trim());
            }

            // Each 取組 further down says when its reports are due, in the calendar's words.
            var pending = page.QuerySelectorAll(".report--unreported .unreported").Select(e => e.TextContent.Trim()).ToList();
            Assert.Equal(expected.Count * 2, pending.Count);
            Assert.Equal(expected.Count, pending.Count(t => t == "中間報告：2024年10月公開予定"));
            Assert.Equal(expected.Count, pending.Count(t => t == "期末報告：2025年3月公開予定"));

            // The timeline shows the year in its 目標設定 step.
            Assert.Equal("目標設定 2024年4月 （いまはこの段階です）", HtmlText.Collapse(block.QuerySelector(".timeline [aria-current=step]")!.TextContent));
        }
    }

    [Fact]
    public async Task After_the_due_month_the_report_reads_as_overdue_not_as_a_bare_unreported()
    {
        using var portal = ClockedPortal.InJapanAt("2024-11-01T00:00:00");
        var page = await GoalPageAsync(portal, "koho");
        var pending = page.QuerySelectorAll(".report--unreported .unreported").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(2, pending.Count(t => t == "中間報告：予定（2024年10月）を過ぎていますが、まだ公開されていません"));
        Assert.Equal(2, pending.Count(t => t == "期末報告：2025年3月公開予定"));
        Assert.All(page.QuerySelectorAll(".status-row__next"), e => Assert.Equal("中間報告 2024年10月予定・未公開", e.TextContent.Trim()));
        Assert.Equal("中間報告", page.QuerySelector(".timeline [aria-current=step] .timeline__name")!.TextContent.Trim());

        // The card on the department's year page says 未報告 once, with what is overdue.
        var (_, yearHtml) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/seisaku-kikaku/r6/");
        foreach (var card in HtmlText.Parse(yearHtml).QuerySelectorAll(".card"))
        {
            var text = HtmlText.Collapse(card.TextContent);
            Assert.Equal(1, CountOf(text, "未報告"));
            Assert.Contains("次：中間報告 2024年10月予定・未公開", text);
        }
    }

    private static int CountOf(string text, string word) => (text.Length - text.Replace(word, "", StringComparison.Ordinal).Length) / word.Length;

    [Fact]
    public async Task Sheet_months_carry_their_fiscal_year_and_empty_sdgs_read_as_not_stated()
    {
        using var portal = ClockedPortal.InJapanAt("2024-09-15T10:00:00");
        var page = await GoalPageAsync(portal, "sogo-keikaku");
        var main = HtmlText.Collapse(page.QuerySelector("main")!.TextContent);
        Assert.Contains("6月～3月（令和6年6月～令和7年3月）", main);
        Assert.Contains("3月（令和7年3月）", main);

        var sdgs = page.GetElementById("sdgs")!.NextElementSibling!;
        Assert.Equal("記載なし", sdgs.TextContent.Trim());

        // 計画における位置付け sits below the 取組, folded, with its three fields intact.
        var positioning = page.GetElementById("positioning")!;
        Assert.True(positioning.CompareDocumentPosition(page.GetElementById("initiatives")!).HasFlag(AngleSharp.Dom.DocumentPositions.Preceding));
        Assert.NotNull(positioning.QuerySelector("details > summary"));

        // The date under the sheet is the last update, in Japan time, with the sheet's year beside it.
        var updated = page.QuerySelector(".page-updated")!;
        Assert.StartsWith("最終更新日：", updated.TextContent.Trim());
        Assert.Contains("シートの年度：令和6年度", updated.TextContent);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", updated.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task Comment_links_are_on_every_initiative_under_the_title_after_the_last_section_and_results_are_linked_everywhere()
    {
        using var portal = ClockedPortal.InJapanAt("2024-09-15T10:00:00");
        var goal = portal.ReadModel.Current.FindDepartment("seisaku-kikaku")!.FindYear("r6")!.FindGoal("sogo-keikaku")!;
        var page = await GoalPageAsync(portal, "sogo-keikaku");
        var initiativeLinks = page.QuerySelectorAll(".initiative .initiative__comment a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"/iken/?goal={goal.DocumentId:D}&initiative={n}"), initiativeLinks);

        var goalButtons = page.QuerySelectorAll("main a.button").Where(a => a.TextContent.Trim() == "この目標に意見を送る").ToList();
        Assert.Equal(2, goalButtons.Count);
        Assert.True(goalButtons[0].CompareDocumentPosition(page.GetElementById("initiatives")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.True(goalButtons[1].CompareDocumentPosition(page.GetElementById("positioning")!).HasFlag(AngleSharp.Dom.DocumentPositions.Preceding));

        foreach (var path in new[] { "/", "/seisaku-kikaku/r6/sogo-keikaku/" })
        {
            var (_, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), path);
            var document = HtmlText.Parse(html);
            Assert.NotEmpty(document.QuerySelectorAll("main a[href='/iken/results']"));
            Assert.NotEmpty(document.QuerySelectorAll("footer a[href='/iken/results']"));
        }

        var results = await portal.CreatePublicClient().GetAsync("/iken/results");
        Assert.Equal(HttpStatusCode.Redirect, results.StatusCode);
        Assert.Equal("/iken/dai3ji-sogo-keikaku/results", results.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Grades_show_a_dash_with_the_rule_one_tap_away_when_nothing_is_measured()
    {
        using var portal = ClockedPortal.InJapanAt("2024-09-15T10:00:00");
        var page = await GoalPageAsync(portal, "koho");
        var grades = page.QuerySelectorAll(".kpi__grade a.grade").ToList();
        Assert.Equal(3, grades.Count);
        Assert.All(grades, g =>
        {
            // Seen: 達成度 −; heard: 達成度 なし（決め方の説明へ） (the dash is hidden from screen readers).
            Assert.Equal("達成度 −なし（決め方の説明へ）", g.TextContent.Trim());
            Assert.Equal("true", g.QuerySelector("span:not(.visually-hidden)")!.GetAttribute("aria-hidden"));
            Assert.Equal(["なし", "（決め方の説明へ）"], g.QuerySelectorAll(".visually-hidden").Select(s => s.TextContent));
            Assert.Equal("/tasseido/#grade-none", g.GetAttribute("href"));
        });

        var (response, html) = await HtmlText.GetAsync(portal.CreatePublicClient(), "/tasseido/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rule = HtmlText.Parse(html);
        foreach (var id in new[] { "grade-s", "grade-a", "grade-b", "grade-c", "grade-none" })
        {
            Assert.NotNull(rule.GetElementById(id));
        }

        Assert.Contains("50%以上", HtmlText.MainText(html));
    }

    [Fact]
    public async Task No_plain_summary_in_the_seed_so_the_page_says_none_has_been_written_yet()
    {
        using var portal = ClockedPortal.InJapanAt("2024-09-15T10:00:00");
        foreach (var slug in SourceSheets.GoalSlugs)
        {
            var page = await GoalPageAsync(portal, slug);
            Assert.Null(page.QuerySelector(".plain-summary"));
            Assert.Contains("「やさしい日本語」の説明は、まだありません", page.QuerySelector(".notice--quiet")!.TextContent);
        }
    }
}
