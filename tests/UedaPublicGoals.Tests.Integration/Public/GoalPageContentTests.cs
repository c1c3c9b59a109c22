using System.Net;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Public;

/// <summary>
/// Every field of the source sheets reaches the right goal page, checked against the
/// original export rather than the JSON transcription.
/// </summary>
public sealed class GoalPageContentTests(SeededPortal portal) : IClassFixture<SeededPortal>
{
    private async Task<Dictionary<int, string>> GoalPageTextsAsync()
    {
        var client = portal.CreatePublicClient();
        var texts = new Dictionary<int, string>();
        for (var sheet = 1; sheet <= SourceSheets.GoalSlugs.Length; sheet++)
        {
            var (response, html) = await HtmlText.GetAsync(client, $"/seisaku-kikaku/r6/{SourceSheets.GoalSlugs[sheet - 1]}/");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            texts[sheet] = HtmlText.MainText(html);
        }

        return texts;
    }

    [Fact]
    public async Task Every_goal_title_is_the_heading_of_its_own_page()
    {
        var titles = SourceSheets.GoalTitles();
        Assert.Equal(4, titles.Count);
        var client = portal.CreatePublicClient();
        for (var i = 0; i < titles.Count; i++)
        {
            var (_, html) = await HtmlText.GetAsync(client, $"/seisaku-kikaku/r6/{SourceSheets.GoalSlugs[i]}/");
            var document = HtmlText.Parse(html);
            Assert.Equal(titles[i], document.QuerySelector("h1")!.TextContent.Trim());
            Assert.Contains(titles[i], document.Title);
        }
    }

    [Fact]
    public async Task Every_initiative_title_period_and_target_appears_on_its_goal_page_and_not_on_the_others()
    {
        var rows = SourceSheets.InitiativeRows();
        Assert.Equal(14, rows.Count); // 6 + 3 + 3 + 2 filled rows in the four sheets
        var pages = await GoalPageTextsAsync();

        var stringsBySheet = rows.GroupBy(r => r.Sheet).ToDictionary(
            g => g.Key,
            g => g.SelectMany(r => r.Periods.Concat(r.Targets).Append(r.Title)).ToHashSet());
        var checkedCount = 0;
        foreach (var row in rows)
        {
            foreach (var expected in row.Periods.Concat(row.Targets).Append(row.Title))
            {
                Assert.True(pages[row.Sheet].Contains(expected, StringComparison.Ordinal), $"sheet {row.Sheet} row {row.Marker}: '{expected}' is missing from its goal page");
                checkedCount++;

                // Strings such as 通年 are shared between sheets; only a string unique to
                // this sheet must be absent from the other pages.
                var sharedWithOtherSheet = stringsBySheet.Where(s => s.Key != row.Sheet).Any(s => s.Value.Any(o => o.Contains(expected, StringComparison.Ordinal)));

                // A bare month such as 3月 is on every page since the reporting calendar prints due
                // months (期末報告：2025年3月公開予定, issue 8); it cannot mark one sheet.
                var bareMonth = System.Text.RegularExpressions.Regex.IsMatch(expected, @"^\d{1,2}月$");
                if (!sharedWithOtherSheet && !bareMonth)
                {
                    foreach (var other in pages.Where(p => p.Key != row.Sheet))
                    {
                        Assert.False(other.Value.Contains(expected, StringComparison.Ordinal), $"'{expected}' of sheet {row.Sheet} also appears on sheet {other.Key}'s page");
                    }
                }
            }
        }

        // 14 titles + 27 periods + 36 targets (sheet 4 ①(3) holds two bullet targets), counted by hand from the sheets.
        Assert.Equal(77, checkedCount);
    }

    [Theory]
    [InlineData(0, "第二次上田市総合計画後期まちづくり計画（第2期上田市まち・ひと・しごと創生総合戦略）")]
    [InlineData(0, "EBPM（根拠に基づく施策の企画・立案）を推進する必要がある。")]
    [InlineData(1, "エ 公共施設マネジメントの推進")]
    [InlineData(1, "誰一人取り残さない利用者ファーストに立ったデジタル先進地を目指す。")]
    [InlineData(2, "②長野大学の学部再編、学園都市づくり")]
    [InlineData(2, "市内の5大学等との連携による「まちなかキャンパス事業」の充実により、地域に開かれた大学を目指し、まちなかに賑わいを創出する。")]
    [InlineData(3, "ウ 市民への説明責任を果たす的確かつ積極的な情報発信")]
    [InlineData(3, "また、市職員が広報パーソンである意識を持ち、積極的に市民ニーズを把握し、誰もがわかりやすい情報発信に努めていく。")]
    public async Task Positioning_situation_and_purpose_fields_are_published(int sheetIndex, string expected)
    {
        var pages = await GoalPageTextsAsync();
        Assert.Contains(expected, pages[sheetIndex + 1]);
    }

    [Fact]
    public async Task Empty_cells_are_shown_as_not_yet_reported()
    {
        var client = portal.CreatePublicClient();
        var rows = SourceSheets.InitiativeRows();
        for (var sheet = 1; sheet <= 4; sheet++)
        {
            var (_, html) = await HtmlText.GetAsync(client, $"/seisaku-kikaku/r6/{SourceSheets.GoalSlugs[sheet - 1]}/");
            var document = HtmlText.Parse(html);
            var initiatives = rows.Count(r => r.Sheet == sheet);

            // The two 特記事項 answers read 未報告; 中間報告 and 期末報告 per initiative say when they are
            // due (the reporting calendar's words, see Readable.StatusBlockTests); the empty SDGs cell is
            // not a report and reads 記載なし (issue 8).
            var unreported = document.QuerySelectorAll(".unreported").Count(e => e.TextContent.Trim() == "未報告");
            Assert.Equal(2, unreported);
            Assert.Equal(initiatives * 2, document.QuerySelectorAll(".report--unreported").Length);
            Assert.All(document.QuerySelectorAll(".report--unreported .unreported"), e => Assert.Matches("^(中間|期末)報告：", e.TextContent.Trim()));
            Assert.Equal("記載なし", document.QuerySelector(".not-stated")!.TextContent.Trim());
            Assert.Contains("中間報告（目標に対する進捗状況・進捗度）及び（中間報告の時点で取組項目に対する方法・手段の見直しを行った点）", document.QuerySelector("main")!.TextContent);
            Assert.Contains("○市民参加・協働の推進、市民満足度の向上を考慮した点", document.QuerySelector("main")!.TextContent);
            Assert.Contains("○取組による効果・残された課題", document.QuerySelector("main")!.TextContent);
        }
    }

    [Fact]
    public async Task Numeric_targets_show_the_target_alone_before_anything_is_measured()
    {
        var client = portal.CreatePublicClient();
        var (_, html) = await HtmlText.GetAsync(client, "/seisaku-kikaku/r6/koho/");
        var document = HtmlText.Parse(html);
        Assert.Empty(document.QuerySelectorAll("progress"));
        var kpiTexts = document.QuerySelectorAll(".kpi__text").Select(e => e.TextContent).ToList();
        Assert.Contains("目標 17,000人（基準値 13,967人）。実績はまだ報告されていません。", kpiTexts);
        Assert.Contains("目標 6,600人（基準値 6,152人）。実績はまだ報告されていません。", kpiTexts);
        Assert.Contains("目標 2回。実績はまだ報告されていません。", kpiTexts);

        var (_, gakuen) = await HtmlText.GetAsync(client, "/seisaku-kikaku/r6/gakuen-toshi/");
        var gakuenKpis = HtmlText.Parse(gakuen).QuerySelectorAll(".kpi__text").Select(e => e.TextContent).ToList();
        Assert.Contains("目標 18講座。実績はまだ報告されていません。", gakuenKpis);
        Assert.Contains("目標 7回。実績はまだ報告されていません。", gakuenKpis);
    }
}

/// <summary>One seeded portal shared by the read-only tests of a class.</summary>
public sealed class SeededPortal : PortalFactory;
