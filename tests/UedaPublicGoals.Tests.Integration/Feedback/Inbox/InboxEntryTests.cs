using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Data;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Submission;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <summary>Comments from 郵送, ワークショップ, 自由意見コーナー and 分野別意見聴取, typed in by staff.</summary>
public sealed partial class InboxEntryTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private static Dictionary<string, string> Letter(int consultationId, string text = "郵送でいただいた意見です。") => new()
    {
        ["Form.ConsultationId"] = consultationId.ToString(),
        ["Form.Channel"] = "Post",
        ["Form.ReceivedOn"] = "2026-11-02",
        ["Form.Field"] = FeedbackSeeder.ComprehensivePlanFields[2],
        ["Form.AgeGroup"] = "HighSchool",
        ["Form.Residence"] = "InUeda",
        ["Form.Text"] = text,
    };

    private Task<int> DefaultConsultationAsync() => InboxTestData.WithFeedbackDbAsync(portal, db => db.Consultations.Where(c => c.IsDefault).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task A_letter_gets_the_next_receipt_number_after_the_web_comments_and_counts_in_the_list_statistics_and_export()
    {
        var (session, email) = await InboxTestData.LogInOfficerAsync(portal);
        var web = await InboxTestData.AddCommentAsync(portal);
        Assert.Matches(ReceiptFormat(), web.ReceiptNumber);

        var response = await session.PostFormAsync("/backoffice/feedback/new", "/backoffice/feedback/new", Letter(await DefaultConsultationAsync(), "紙で届いた、\"引用\"を含む意見"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var paper = await InboxTestData.WithFeedbackDbAsync(portal, db => db.Comments.AsNoTracking().SingleAsync(c => c.Channel == CommentChannel.Post));
        Assert.Equal($"/backoffice/feedback/{paper.Id}", response.Headers.Location!.OriginalString);
        // Same format and same sequence as the web: the next id, the 年度 of the moment it was entered.
        Assert.Matches(ReceiptFormat(), paper.ReceiptNumber);
        Assert.Equal(ReceiptNumbers.For(web.Id + 1, paper.CreatedUtc), paper.ReceiptNumber);
        Assert.Equal(web.ReceiptNumber[..web.ReceiptNumber.IndexOf('-')], paper.ReceiptNumber[..paper.ReceiptNumber.IndexOf('-')]);
        Assert.Equal(new DateTime(2026, 11, 1, 15, 0, 0, DateTimeKind.Utc), paper.ReceivedUtc); // 2026-11-02 00:00 in Tokyo
        Assert.Equal(email, paper.EnteredBy);
        Assert.Equal((AgeGroup.HighSchool, Residence.InUeda, FeedbackSeeder.ComprehensivePlanFields[2], CommentStatus.New), (paper.AgeGroup, paper.Residence, paper.Field, paper.Status));

        var entry = Assert.Single(await InboxTestData.AuditAsync(portal));
        Assert.Equal((InboxAuditActions.Entry, paper.ReceiptNumber, email), (entry.Action, entry.Target, entry.Actor));
        Assert.Contains($"受付番号 {paper.ReceiptNumber} で登録しました", HtmlText.MainText(await session.Client.GetStringAsync(response.Headers.Location.OriginalString)));

        // List: both, and the paper one alone under its channel.
        Assert.Equal(2, InboxTestData.ListedReceipts(await session.Client.GetStringAsync("/backoffice/feedback")).Count);
        Assert.Equal([paper.ReceiptNumber], InboxTestData.ListedReceipts(await session.Client.GetStringAsync("/backoffice/feedback?Channel=Post")));

        // Statistics: counted under 郵送 and 高校生 like any web comment.
        var stats = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/feedback/statistics"));
        Assert.Equal("集計した意見：2件", HtmlText.Collapse(stats.QuerySelector(".stat-total")!.TextContent));
        Assert.Equal("1", InboxStatisticsTests.CountIn(stats, "受付経路別の件数", "郵送"));
        Assert.Equal("1", InboxStatisticsTests.CountIn(stats, "年代別の件数", "高校生"));

        // Export: one row each.
        var csv = await session.PostFormAsync("/backoffice/feedback", "/backoffice/feedback/export", new() { ["Format"] = "csv" });
        var rows = InboxExportTests.ParseCsv(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(3, rows.Count);
        var paperRow = Assert.Single(rows, r => r[0] == paper.ReceiptNumber);
        Assert.Equal(["2026-11-02", "郵送"], paperRow[1..3]);
        Assert.Equal("紙で届いた、\"引用\"を含む意見", paperRow[7]);
    }

    [Fact]
    public async Task Web_as_channel_a_future_date_a_field_of_another_consultation_and_an_empty_text_are_refused_in_Japanese_keeping_the_input()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var fields = Letter(await DefaultConsultationAsync());
        fields["Form.Channel"] = "Web";
        fields["Form.ReceivedOn"] = DateTime.UtcNow.AddHours(9).AddDays(2).ToString("yyyy-MM-dd");
        fields["Form.Field"] = "存在しない分野";
        fields["Form.Text"] = "";
        fields["Form.AgeGroup"] = "Forties";

        var response = await session.PostFormAsync("/backoffice/feedback/new", "/backoffice/feedback/new", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        var summary = HtmlText.Collapse(page.QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("WEB以外の受付経路", summary);
        Assert.Contains("未来の日付は入力できません", summary);
        Assert.Contains("分野は「第三次上田市総合計画への意見」の分野から選んでください", summary);
        Assert.Contains("意見の本文を入力してください", summary);
        Assert.Equal("true", page.QuerySelector("#Form_Text")!.GetAttribute("aria-invalid"));
        Assert.Equal("Form_Text-error", page.QuerySelector("#Form_Text")!.GetAttribute("aria-describedby")!.Split(' ').Last());
        Assert.Equal("Forties", page.QuerySelector("#Form_AgeGroup option[selected]")!.GetAttribute("value"));
        Assert.Equal(0, await InboxTestData.WithFeedbackDbAsync(portal, db => db.Comments.CountAsync()));
    }

    [Fact]
    public async Task Register_and_next_keeps_the_batchs_consultation_channel_and_date_for_the_following_letter()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var fields = Letter(await DefaultConsultationAsync());
        fields["Form.Channel"] = "Workshop";
        fields["next"] = "true";

        var response = await session.PostFormAsync("/backoffice/feedback/new", "/backoffice/feedback/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var next = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/backoffice/feedback/new?", next);

        var page = HtmlText.Parse(await session.Client.GetStringAsync(next));
        Assert.Contains("で登録しました。続けて次の意見を入力できます。", page.QuerySelector("[role=status].notice")!.TextContent);
        Assert.Equal("Workshop", page.QuerySelector("#Form_Channel option[selected]")!.GetAttribute("value"));
        Assert.Equal("2026-11-02", page.QuerySelector("#Form_ReceivedOn")!.GetAttribute("value"));
        Assert.Equal("", page.QuerySelector("#Form_Text")!.TextContent);
    }

    [GeneratedRegex(@"^R\d+-\d{6}$")]
    private static partial Regex ReceiptFormat();
}
