using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Editing;

/// <summary>承認依頼: a 部局担当 asks, 広報 reviews the changes and approves (publishes) or sends back.</summary>
public sealed class ApprovalTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    private Guid Id => EditorPages.GoalId(portal, "gakuen-toshi");

    private string Editor => $"/backoffice/goals/{Id}";

    private async Task<(BackofficeSession Author, string AuthorEmail, BackofficeSession PublicRelations, string PublicRelationsEmail)> PeopleAsync()
    {
        var authorEmail = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, "bukyoku@example.jp", await EditorPages.SeisakuKikakuIdAsync(portal));
        var prEmail = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations, "kouhou@example.jp");
        return (await BackofficeSession.LogInAsync(portal, authorEmail), authorEmail, await BackofficeSession.LogInAsync(portal, prEmail), prEmail);
    }

    private async Task<long> RequestAsync(BackofficeSession author, string report)
    {
        var form = await author.ReadFormAsync(Editor);
        form["Initiatives[0].MidtermReport.Status"] = "OnTrack";
        form["Initiatives[0].MidtermReport.ReportedOn"] = "2024-10-10";
        form["Initiatives[0].MidtermReport.Text"] = report;
        form["ApprovalNote"] = "中間報告を入力しました。公開をお願いします。";
        var response = await author.PostAsync($"{Editor}/request-approval", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.Where(a => a.DocumentId == Id).OrderBy(a => a.Id).Select(a => a.Id).LastAsync());
    }

    [Fact]
    public async Task A_department_authors_request_is_approved_by_public_relations_and_published()
    {
        var (author, authorEmail, pr, prEmail) = await PeopleAsync();
        var client = portal.CreatePublicClient();
        var requestId = await RequestAsync(author, "まちなかキャンパスの利用者が増えています。");

        var request = await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.SingleAsync(a => a.Id == requestId));
        Assert.Equal((ApprovalStatus.Pending, 2, authorEmail), (request.Status, request.Version, request.RequestedBy));
        Assert.DoesNotContain("まちなかキャンパスの利用者が増えています", HtmlText.MainText(await client.GetStringAsync("/seisaku-kikaku/r6/gakuen-toshi/")));
        Assert.Contains("承認待ち", HtmlText.MainText(await author.Client.GetStringAsync(Editor)));
        Assert.Contains("承認依頼中", HtmlText.MainText(await pr.Client.GetStringAsync("/backoffice/")));

        var inbox = HtmlText.Parse(await pr.Client.GetStringAsync("/backoffice/approvals"));
        var link = inbox.QuerySelector($"a[href='/backoffice/approvals/{requestId}']");
        Assert.NotNull(link);
        Assert.Contains("中間報告を入力しました。公開をお願いします。", HtmlText.Collapse(inbox.QuerySelector(".approval-list")!.TextContent));

        var review = HtmlText.Parse(await pr.Client.GetStringAsync($"/backoffice/approvals/{requestId}"));
        var changes = review.QuerySelectorAll(".diff-table tbody tr").Select(r => HtmlText.Collapse(r.TextContent)).ToList();
        Assert.Equal(["取組項目① 中間報告 未報告 順調・2024年10月10日：まちなかキャンパスの利用者が増えています。"], changes);

        var approve = EditorPages.FormOf(review, $"/backoffice/approvals/{requestId}/approve");
        Assert.Equal(HttpStatusCode.Redirect, (await pr.PostAsync($"/backoffice/approvals/{requestId}/approve", approve)).StatusCode);

        Assert.Contains("まちなかキャンパスの利用者が増えています。", HtmlText.MainText(await client.GetStringAsync("/seisaku-kikaku/r6/gakuen-toshi/")));
        request = await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.SingleAsync(a => a.Id == requestId));
        Assert.Equal((ApprovalStatus.Approved, prEmail), (request.Status, request.DecidedBy));
        Assert.Equal(2, (await EditorPages.DocumentAsync(portal, Id)).PublishedVersion);
        var audit = await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.Where(a => a.Target == $"goal:{Id}").OrderBy(a => a.Id).ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditActions.ApprovalRequest && a.Actor == authorEmail);
        Assert.Contains(audit, a => a.Action == AuditActions.ApprovalDecide && a.Actor == prEmail && a.Detail!.StartsWith("承認", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == AuditActions.ContentPublish && a.Actor == prEmail);

        // A decided request cannot be decided again.
        var again = await pr.PostAsync($"/backoffice/approvals/{requestId}/approve", approve);
        Assert.Contains("すでに対応済み", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Nothing_to_approve_when_the_draft_is_what_residents_already_see()
    {
        var (author, _, _, _) = await PeopleAsync();
        var response = await author.PostAsync($"{Editor}/request-approval", await author.ReadFormAsync(Editor));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("公開中の内容と同じため、承認依頼は送りませんでした", await author.Client.GetStringAsync(Editor));
        Assert.Equal(0, await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.CountAsync()));
    }

    [Fact]
    public async Task A_draft_changed_after_the_request_is_not_published_by_approving_it()
    {
        var (author, _, pr, _) = await PeopleAsync();
        var requestId = await RequestAsync(author, "依頼した版の報告");
        var form = await author.ReadFormAsync(Editor);
        form["Initiatives[0].MidtermReport.Text"] = "依頼の後に書き足した報告";
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostAsync(Editor, form)).StatusCode);

        var review = HtmlText.Parse(await pr.Client.GetStringAsync($"/backoffice/approvals/{requestId}"));
        Assert.Null(review.QuerySelector($"form[action='/backoffice/approvals/{requestId}/approve']"));
        var token = EditorPages.FormOf(review, $"/backoffice/approvals/{requestId}/reject");
        var response = await pr.PostAsync($"/backoffice/approvals/{requestId}/approve", token);
        Assert.Contains("依頼の後に下書きが変更された", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, (await EditorPages.DocumentAsync(portal, Id)).PublishedVersion);
        Assert.Equal(ApprovalStatus.Pending, await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.Where(a => a.Id == requestId).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Public_relations_send_a_request_back_with_a_reason_the_author_then_sees()
    {
        var (author, _, pr, prEmail) = await PeopleAsync();
        var requestId = await RequestAsync(author, "差し戻される報告");
        var reject = await pr.ReadFormAsync($"/backoffice/approvals/{requestId}", $"/backoffice/approvals/{requestId}/reject");

        var empty = HtmlText.Parse(await (await pr.PostAsync($"/backoffice/approvals/{requestId}/reject", reject.With("DecisionNote", "  "))).Content.ReadAsStringAsync());
        Assert.Equal("差し戻しの理由を入力してください。依頼者に表示されます。", empty.GetElementById("DecisionNote-error")!.TextContent);
        Assert.Equal("true", empty.GetElementById("DecisionNote")!.GetAttribute("aria-invalid"));

        Assert.Equal(HttpStatusCode.Redirect, (await pr.PostAsync($"/backoffice/approvals/{requestId}/reject", reject.With("DecisionNote", "報告日を10月末にしてください。"))).StatusCode);
        var request = await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.SingleAsync(a => a.Id == requestId));
        Assert.Equal((ApprovalStatus.Rejected, prEmail, "報告日を10月末にしてください。"), (request.Status, request.DecidedBy, request.DecisionNote));
        Assert.Equal(1, (await EditorPages.DocumentAsync(portal, Id)).PublishedVersion);
        Assert.Contains("差し戻されました", HtmlText.MainText(await author.Client.GetStringAsync(Editor)));
        Assert.Contains("報告日を10月末にしてください。", HtmlText.MainText(await author.Client.GetStringAsync(Editor)));

        // After fixing, the author asks again: one open request, the new one.
        var second = await RequestAsync(author, "直した報告");
        Assert.NotEqual(requestId, second);
        Assert.Equal(1, await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.CountAsync(a => a.Status == ApprovalStatus.Pending)));
    }
}
