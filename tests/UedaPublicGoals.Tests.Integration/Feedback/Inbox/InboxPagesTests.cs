using System.Net;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <remarks>A page's heading does not depend on what the other tests added, so they share one portal.</remarks>
public sealed class InboxPagesTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/backoffice/feedback", "意見受付箱")]
    [InlineData("/backoffice/feedback/new", "紙などで受け付けた意見の登録")]
    [InlineData("/backoffice/feedback/statistics", "意見の集計")]
    [InlineData("/backoffice/feedback/consultations", "意見募集の設定")]
    [InlineData("/backoffice/feedback/consultations/new", "意見募集を追加")]
    [InlineData("/backoffice/feedback/routing", "振り分けルール")]
    [InlineData("/backoffice/feedback/routing/new", "振り分けルールを追加")]
    public async Task Every_inbox_page_opens_for_a_planning_officer_with_its_Japanese_heading(string path, string heading)
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        await InboxTestData.AddCommentAsync(portal);
        var (response, html) = await HtmlText.GetAsync(session.Client, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, HtmlText.Parse(html).QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("意見受付箱", HtmlText.Parse(html).QuerySelector("header nav")!.TextContent);
    }
}
