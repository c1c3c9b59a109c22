using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Tests.Integration.Feedback.Inbox;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.ResultNotice;

/// <summary>
/// The notice and the participation page on PostgreSQL: the category list (a text[]), the draft's
/// date (date), the versions' unique number and the participation GROUP BY translate there too.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ResultNoticeOnPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task Settings_publishing_the_notice_and_the_participation_counts_work_on_PostgreSQL()
    {
        using var portal = new PortalFactory { PostgresConnectionString = postgres.SeededConnectionStringFor("feedback_notice") };
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var consultationId = await GeneratedOpinions.DefaultConsultationIdAsync(portal.Services);
        var staffPage = $"/backoffice/feedback/notice/{consultationId}";
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(staffPage, staffPage + "/settings", new()
        {
            ["Settings.Categories"] = string.Join("\n", GeneratedOpinions.Categories),
            ["Settings.DraftPublishedOn"] = "2026-09-15",
            ["Settings.ChangesFromDraft"] = "- 第2章を見直しました",
        })).StatusCode);
        var comments = await GeneratedOpinions.AddAsync(portal.Services, consultationId, 60);

        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync(staffPage, staffPage + "/publish", [])).StatusCode);
        var notice = HtmlText.Parse(await portal.CreateClient().GetStringAsync("/iken/kekka-koji/dai3ji-sogo-keikaku"));
        Assert.Equal(57, notice.QuerySelectorAll(".notice-opinion").Length);
        Assert.Equal("2026年9月15日", InboxTestData.Terms(notice.QuerySelector(".notice-terms")!)["案の公表日"]);

        var participation = HtmlText.Parse(await portal.CreateClient().GetStringAsync("/iken/dai3ji-sogo-keikaku/participation"));
        Assert.Contains("合計：57人", HtmlText.Collapse(participation.QuerySelector("main")!.TextContent));
        var web = comments.Count(c => c.Channel == CommentChannel.Web && c.Status != CommentStatus.Hidden);
        var totals = participation.QuerySelectorAll("table").First().QuerySelectorAll("tfoot td").Select(td => td.TextContent).ToList();
        Assert.Equal(web.ToString("N0"), totals[0]);
        Assert.Equal(1, await InboxTestData.WithFeedbackDbAsync(portal, db => db.ResultNoticeVersions.CountAsync()));
    }
}
