using System.Net;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <summary>Checkboxes + one status, as a plain form post (no JavaScript involved).</summary>
public sealed class InboxBulkTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private static IEnumerable<KeyValuePair<string, string>> Bulk(string status, string reason, string returnQuery, params Comment[] chosen) =>
        chosen.Select(c => new KeyValuePair<string, string>("Bulk.Ids", c.Id.ToString()))
            .Append(new("Bulk.Status", status))
            .Append(new("Bulk.HiddenReason", reason))
            .Append(new("Bulk.ReturnQuery", returnQuery));

    [Fact]
    public async Task The_checked_comments_change_status_together_each_audited_and_the_officer_returns_to_the_same_filtered_list()
    {
        var (session, email) = await InboxTestData.LogInOfficerAsync(portal);
        var first = await InboxTestData.AddCommentAsync(portal);
        var second = await InboxTestData.AddCommentAsync(portal, c => c.Status = CommentStatus.Reviewed);
        var untouched = await InboxTestData.AddCommentAsync(portal);

        // The list renders one checkbox per comment inside the bulk form.
        var list = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/feedback?Channel=Web"));
        Assert.Equal(3, list.QuerySelectorAll("form[action='/backoffice/feedback/bulk'] input[type=checkbox][name='Bulk.Ids']").Length);
        Assert.Equal("?Channel=Web", list.QuerySelector("input[name='Bulk.ReturnQuery']")!.GetAttribute("value"));

        var response = await InboxTestData.PostPairsAsync(session, "/backoffice/feedback", "/backoffice/feedback/bulk",
            Bulk("ForwardedToCouncil", "", "?Channel=Web", first, second));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/backoffice/feedback?Channel=Web", response.Headers.Location!.OriginalString);

        Assert.Equal(CommentStatus.ForwardedToCouncil, (await InboxTestData.LoadAsync(portal, first.Id)).Status);
        Assert.Equal(CommentStatus.ForwardedToCouncil, (await InboxTestData.LoadAsync(portal, second.Id)).Status);
        Assert.Equal(CommentStatus.New, (await InboxTestData.LoadAsync(portal, untouched.Id)).Status);

        var audit = await InboxTestData.AuditAsync(portal);
        var bulk = Assert.Single(audit, a => a.Action == InboxAuditActions.Bulk);
        Assert.Equal(email, bulk.Actor);
        Assert.Equal("2件を「審議会へ回付」に一括変更", bulk.Detail);
        Assert.Contains(audit, a => a.Action == InboxAuditActions.Status && a.Target == first.ReceiptNumber && a.Detail == "新着 → 審議会へ回付（一括変更）");
        Assert.Contains(audit, a => a.Action == InboxAuditActions.Status && a.Target == second.ReceiptNumber && a.Detail == "確認済 → 審議会へ回付（一括変更）");

        Assert.Contains("2件を「審議会へ回付」にしました", HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/feedback?Channel=Web")));
    }

    [Fact]
    public async Task Bulk_hiding_needs_a_reason_and_unpublishes()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var published = await InboxTestData.AddCommentAsync(portal, c => c.IsPublished = true);

        var refused = await InboxTestData.PostPairsAsync(session, "/backoffice/feedback", "/backoffice/feedback/bulk", Bulk("Hidden", " ", "", published));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(CommentStatus.New, (await InboxTestData.LoadAsync(portal, published.Id)).Status);
        Assert.Contains("非表示にするときは理由を入力してください", HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/feedback")));
        Assert.Empty(await InboxTestData.AuditAsync(portal));

        await InboxTestData.PostPairsAsync(session, "/backoffice/feedback", "/backoffice/feedback/bulk", Bulk("Hidden", "同じ内容の連続投稿", "", published));
        var stored = await InboxTestData.LoadAsync(portal, published.Id);
        Assert.Equal((CommentStatus.Hidden, "同じ内容の連続投稿", false), (stored.Status, stored.HiddenReason, stored.IsPublished));
    }

    [Fact]
    public async Task A_bulk_change_makes_an_open_detail_page_stale()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var comment = await InboxTestData.AddCommentAsync(portal);
        await InboxTestData.PostPairsAsync(session, "/backoffice/feedback", "/backoffice/feedback/bulk", Bulk("Reviewed", "", "", comment));
        Assert.NotEqual(comment.ConcurrencyStamp, (await InboxTestData.LoadAsync(portal, comment.Id)).ConcurrencyStamp);
    }

    [Fact]
    public async Task A_return_query_that_is_not_our_own_list_is_ignored()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var comment = await InboxTestData.AddCommentAsync(portal);
        var response = await InboxTestData.PostPairsAsync(session, "/backoffice/feedback", "/backoffice/feedback/bulk", Bulk("Reviewed", "", "//evil.example/", comment));
        Assert.Equal("/backoffice/feedback", response.Headers.Location!.OriginalString);
    }
}
