using System.Net;
using AngleSharp.Dom;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <summary>The statistics tables (the accessible equivalent of the charts) match the inserted comments.</summary>
public sealed class InboxStatisticsTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    /// <summary>The count in the table captioned <paramref name="caption"/> on the row headed <paramref name="rowHeader"/>.</summary>
    public static string CountIn(IDocument page, string caption, string rowHeader)
    {
        var table = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith(caption, StringComparison.Ordinal));
        var row = table.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector("th")!.TextContent.Trim() == rowHeader);
        return row.QuerySelector("td")!.TextContent.Trim();
    }

    private static List<(string Row, List<string> Cells)> CrossTable(IDocument page, string caption)
    {
        var table = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith(caption, StringComparison.Ordinal));
        return table.QuerySelectorAll("tbody tr, tfoot tr")
            .Select(r => (r.QuerySelector("th")!.TextContent.Trim(), r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()))
            .ToList();
    }

    [Fact]
    public async Task Counts_by_age_field_channel_their_combinations_and_week_match_the_comments_and_leave_out_hidden_ones()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var fields = FeedbackSeeder.ComprehensivePlanFields;
        // Week of Mon 2026-10-05: two web comments by people in their twenties (one 00:30 Tokyo on Monday,
        // still Sunday in UTC), one hearing comment without an age. Week of 2026-10-19: one letter.
        await InboxTestData.AddCommentAsync(portal, c => { c.AgeGroup = AgeGroup.Twenties; c.Field = fields[0]; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 5, 0, 30); });
        await InboxTestData.AddCommentAsync(portal, c => { c.AgeGroup = AgeGroup.Twenties; c.Field = fields[2]; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 9); });
        await InboxTestData.AddCommentAsync(portal, c => { c.Channel = CommentChannel.FieldHearing; c.Field = fields[0]; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 11, 23, 59); });
        await InboxTestData.AddCommentAsync(portal, c => { c.Channel = CommentChannel.Post; c.AgeGroup = AgeGroup.SeventiesOrOlder; c.Field = fields[0]; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 20); });
        await InboxTestData.AddCommentAsync(portal, c => { c.Status = CommentStatus.Hidden; c.HiddenReason = "スパム"; c.AgeGroup = AgeGroup.Twenties; c.Field = fields[0]; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 6); });

        var (response, html) = await HtmlText.GetAsync(session.Client, "/backoffice/feedback/statistics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(html);
        Assert.Equal("集計した意見：4件", HtmlText.Collapse(page.QuerySelector(".stat-total")!.TextContent));

        Assert.Equal("2", CountIn(page, "年代別の件数", "20代"));
        Assert.Equal("1", CountIn(page, "年代別の件数", "70代以上"));
        Assert.Equal("1", CountIn(page, "年代別の件数", "未回答"));
        Assert.Equal("0", CountIn(page, "年代別の件数", "30代"));
        Assert.Equal("3", CountIn(page, "分野別の件数", fields[0]));
        Assert.Equal("1", CountIn(page, "分野別の件数", fields[2]));
        Assert.Equal("2", CountIn(page, "受付経路別の件数", "WEB（このサイト）"));
        Assert.Equal("1", CountIn(page, "受付経路別の件数", "郵送"));
        Assert.Equal("1", CountIn(page, "受付経路別の件数", "分野別意見聴取"));
        Assert.Equal("0", CountIn(page, "受付経路別の件数", "ワークショップ"));

        Assert.Equal("3", CountIn(page, "受付件数の推移", "2026年10月5日〜"));
        Assert.Equal("0", CountIn(page, "受付件数の推移", "2026年10月12日〜"));
        Assert.Equal("1", CountIn(page, "受付件数の推移", "2026年10月19日〜"));

        var ageByField = CrossTable(page, "年代 × 分野");
        var twenties = ageByField.Single(r => r.Row == "20代").Cells;
        Assert.Equal("1", twenties[0]);
        Assert.Equal("1", twenties[2]);
        Assert.Equal("2", twenties[^1]);
        Assert.Equal("4", ageByField.Single(r => r.Row == "計").Cells[^1]);

        var fieldByChannel = CrossTable(page, "分野 × 受付経路");
        // Columns: WEB, 郵送, ワークショップ, 公共施設, 分野別意見聴取, WEBアンケート, 計.
        Assert.Equal(["1", "1", "0", "0", "1", "0", "3"], fieldByChannel.Single(r => r.Row == fields[0]).Cells);

        // Each chart is a named image whose numbers are also printed as text beside the bars.
        var charts = page.QuerySelectorAll("svg[role=img]");
        Assert.Equal(5, charts.Length); // 状態, 年代, 分野, 受付経路, 推移
        Assert.All(charts, chart =>
        {
            var labelledBy = chart.GetAttribute("aria-labelledby")!.Split(' ');
            Assert.Equal("title", page.GetElementById(labelledBy[0])!.LocalName);
            Assert.Equal("desc", page.GetElementById(labelledBy[1])!.LocalName);
        });
        Assert.Contains("2件", page.QuerySelector("#age-chart-title")!.ParentElement!.TextContent);
    }

    [Fact]
    public async Task Per_day_counts_follow_Tokyo_dates_and_the_filter()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        await InboxTestData.AddCommentAsync(portal, c => c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 5, 0, 30));
        await InboxTestData.AddCommentAsync(portal, c => c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 5, 23, 0));
        await InboxTestData.AddCommentAsync(portal, c => { c.Channel = CommentChannel.Workshop; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 7); });

        var page = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/feedback/statistics?Interval=Day&From=2026-10-04&To=2026-10-07"));
        Assert.Equal("0", CountIn(page, "受付件数の推移", "2026年10月4日（日）"));
        Assert.Equal("2", CountIn(page, "受付件数の推移", "2026年10月5日（月）"));
        Assert.Equal("0", CountIn(page, "受付件数の推移", "2026年10月6日（火）"));
        Assert.Equal("1", CountIn(page, "受付件数の推移", "2026年10月7日（水）"));

        var workshops = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/feedback/statistics?Channel=Workshop"));
        Assert.Equal("集計した意見：1件", HtmlText.Collapse(workshops.QuerySelector(".stat-total")!.TextContent));
    }

    [Fact]
    public async Task Counts_by_status_are_shown_and_the_whole_report_downloads_as_csv()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var fields = FeedbackSeeder.ComprehensivePlanFields;
        await InboxTestData.AddCommentAsync(portal, c => { c.AgeGroup = AgeGroup.Twenties; c.Field = fields[0]; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 5); });
        await InboxTestData.AddCommentAsync(portal, c => { c.Status = CommentStatus.Reviewed; c.Field = fields[0]; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 6); });
        await InboxTestData.AddCommentAsync(portal, c => { c.Status = CommentStatus.Answered; c.CityResponse = "検討します。"; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 7); });
        await InboxTestData.AddCommentAsync(portal, c => { c.Status = CommentStatus.Hidden; c.HiddenReason = "スパム"; c.ReceivedUtc = InboxTestData.Tokyo(2026, 10, 8); });

        var (_, html) = await HtmlText.GetAsync(session.Client, "/backoffice/feedback/statistics");
        var page = HtmlText.Parse(html);
        Assert.Equal("1", CountIn(page, "状態別の件数", "新着"));
        Assert.Equal("1", CountIn(page, "状態別の件数", "確認済"));
        Assert.Equal("0", CountIn(page, "状態別の件数", "審議会へ回付"));
        Assert.Equal("1", CountIn(page, "状態別の件数", "回答済"));
        var statusTable = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith("状態別", StringComparison.Ordinal));
        Assert.DoesNotContain("非表示", statusTable.TextContent, StringComparison.Ordinal); // hidden comments are never counted

        var link = page.QuerySelectorAll("a").Single(a => a.TextContent.Contains("CSVでダウンロード", StringComparison.Ordinal)).GetAttribute("href")!;
        var response = await session.Client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("集計,項目,件数", lines[0]);
        Assert.Contains("合計,集計した意見,3", lines);
        Assert.Contains("状態別,新着,1", lines);
        Assert.Contains("状態別,確認済,1", lines);
        Assert.Contains("状態別,回答済,1", lines);
        Assert.Contains("年代別,20代,1", lines);
        Assert.Contains($"分野別,{fields[0]},2", lines);
        Assert.Contains($"年代 × 分野,20代 × {fields[0]},1", lines);
        Assert.DoesNotContain(lines, l => l.Contains("検討します", StringComparison.Ordinal)); // counts only, no comment text

        // The filter carries over: only the comments of that week.
        var filtered = await session.Client.GetStringAsync("/backoffice/feedback/statistics/csv?From=2026-10-06&To=2026-10-06");
        Assert.Contains("合計,集計した意見,1", filtered.Split("\r\n"));
    }
}
