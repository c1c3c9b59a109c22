using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Backoffice.PublicationSets;
using UedaPublicGoals.Kernel;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.PublicationSets;

/// <summary>公開セット: approved drafts released together at one Japan-time moment, all or nothing.</summary>
public sealed class PublicationSetTests : IDisposable
{
    private const string GakuenReport = "まちなかキャンパスの利用者が増えています。";
    private const string KohoReport = "LINE の友だちが増えています。";
    private readonly PublicationSetPortal portal = new();

    public void Dispose() => portal.Dispose();

    private async Task<string> PublicTextAsync(string slug) =>
        HtmlText.MainText(await portal.CreatePublicClient().GetStringAsync($"/seisaku-kikaku/r6/{slug}/"));

    [Fact]
    public async Task A_set_releases_every_member_at_its_moment_as_one_batch()
    {
        var (author, pr) = await portal.PeopleAsync();
        var gakuenRequest = await portal.RequestApprovalAsync(author, "gakuen-toshi", GakuenReport);
        await portal.RequestApprovalAsync(author, "koho", KohoReport);
        var setId = await portal.CreateSetAsync(pr, "令和6年度 中間報告", TimeSpan.FromHours(2));
        Assert.Equal(HttpStatusCode.Redirect, (await portal.AddMemberAsync(pr, setId, "gakuen-toshi")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.AddMemberAsync(pr, setId, "koho")).StatusCode);

        // Adding the pending request is 広報's approval of that version; nothing is public yet.
        var request = await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.SingleAsync(a => a.Id == gakuenRequest));
        Assert.Equal(ApprovalStatus.Approved, request.Status);
        Assert.Contains("令和6年度 中間報告", request.DecisionNote);
        Assert.DoesNotContain(GakuenReport, await PublicTextAsync("gakuen-toshi"));

        // The schedule list shows the set with its Japan-time moment; the tree tags the members 予約済み.
        var releaseAt = TokyoTime.LongDateTime((await portal.SetAsync(setId)).ReleaseUtc);
        var schedule = HtmlText.Parse(await pr.Client.GetStringAsync("/backoffice/schedule"));
        var row = HtmlText.Collapse(schedule.QuerySelector(".set-table tbody tr")!.TextContent);
        Assert.Contains("令和6年度 中間報告", row);
        Assert.Contains(releaseAt, row);
        Assert.Contains("予約済み", row);
        var tree = HtmlText.Parse(await pr.Client.GetStringAsync("/backoffice/"));
        var gakuenItem = tree.QuerySelector($"a[href='/backoffice/goals/{EditorPages.GoalId(portal, "gakuen-toshi")}']")!.Closest("li")!;
        Assert.Contains("予約済み", gakuenItem.QuerySelectorAll(".content-tree__tag").Select(t => t.TextContent));

        portal.Clock.Advance(TimeSpan.FromHours(1));
        portal.Recorder.Clear();
        await portal.RunSchedulerPassAsync();
        Assert.Equal(PublicationSetStatus.Pending, (await portal.SetAsync(setId)).Status);
        Assert.Empty(portal.Recorder.Batches);

        portal.Clock.Advance(TimeSpan.FromMinutes(61));
        await portal.RunSchedulerPassAsync();
        var batch = Assert.Single(portal.Recorder.Batches);
        Assert.Equal(
            new[] { EditorPages.GoalId(portal, "gakuen-toshi"), EditorPages.GoalId(portal, "koho") }.Order(),
            batch.DocumentIds.Order());
        Assert.Contains(GakuenReport, await PublicTextAsync("gakuen-toshi"));
        Assert.Contains(KohoReport, await PublicTextAsync("koho"));

        var set = await portal.SetAsync(setId);
        Assert.Equal(PublicationSetStatus.Released, set.Status);
        Assert.All(set.Members, m => Assert.Null(m.FailureReason));
        var audit = await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.AsNoTracking().ToListAsync());
        Assert.Contains(audit, a => a.Action == AuditActions.PublicationSetRelease && a.Target == PublicationSetService.Target(setId) && a.Detail!.Contains("2件"));
        Assert.Equal(2, audit.Count(a => a.Action == AuditActions.ContentPublish && a.Actor == "system"));

        portal.Recorder.Clear();
        await portal.RunSchedulerPassAsync();
        Assert.Empty(portal.Recorder.Batches); // released once, not again
    }

    [Fact]
    public async Task A_member_changed_after_approval_stops_the_whole_set_and_the_reason_is_shown_and_audited()
    {
        var (author, pr) = await portal.PeopleAsync();
        await portal.RequestApprovalAsync(author, "gakuen-toshi", GakuenReport);
        await portal.RequestApprovalAsync(author, "koho", KohoReport);
        var setId = await portal.CreateSetAsync(pr, "中間報告（一斉）", TimeSpan.FromHours(1));
        await portal.AddMemberAsync(pr, setId, "gakuen-toshi");
        await portal.AddMemberAsync(pr, setId, "koho");
        var kohoPublished = (await EditorPages.DocumentAsync(portal, EditorPages.GoalId(portal, "koho"))).PublishedVersion;

        // The author edits one approved draft again after approval.
        var editor = $"/backoffice/goals/{EditorPages.GoalId(portal, "koho")}";
        var form = await author.ReadFormAsync(editor);
        form["Initiatives[0].MidtermReport.Text"] = "承認のあとで書き換えた報告";
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostAsync(editor, form)).StatusCode);

        portal.Clock.Advance(TimeSpan.FromMinutes(61));
        portal.Recorder.Clear();
        await portal.RunSchedulerPassAsync();

        Assert.Empty(portal.Recorder.Batches);
        Assert.DoesNotContain(GakuenReport, await PublicTextAsync("gakuen-toshi")); // the unchanged member is not published either
        Assert.DoesNotContain("承認のあとで書き換えた報告", await PublicTextAsync("koho"));
        Assert.Equal(kohoPublished, (await EditorPages.DocumentAsync(portal, EditorPages.GoalId(portal, "koho"))).PublishedVersion);

        var set = await portal.SetAsync(setId);
        Assert.Equal(PublicationSetStatus.Failed, set.Status);
        var changed = set.Members.Single(m => m.DocumentId == EditorPages.GoalId(portal, "koho"));
        Assert.Contains("承認後に下書きが変更されました", changed.FailureReason);
        Assert.Null(set.Members.Single(m => m.DocumentId == EditorPages.GoalId(portal, "gakuen-toshi")).FailureReason);

        var detail = HtmlText.MainText(await pr.Client.GetStringAsync($"/backoffice/sets/{setId}"));
        Assert.Contains("失敗", detail);
        Assert.Contains("1件も公開しませんでした", detail);
        Assert.Contains("承認後に下書きが変更されました", detail);
        var failure = await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.PublicationSetFail));
        Assert.Contains("承認後に下書きが変更されました", failure.Detail);
        Assert.Equal("system", failure.Actor);
    }

    [Fact]
    public async Task A_draft_without_approval_is_refused_with_a_japanese_message_and_nothing_is_saved()
    {
        var (_, pr) = await portal.PeopleAsync();
        var setId = await portal.CreateSetAsync(pr, "承認なし", TimeSpan.FromHours(1));
        var published = HtmlText.Parse(await (await portal.AddMemberAsync(pr, setId, "gakuen-toshi")).Content.ReadAsStringAsync());
        Assert.Contains("すでに公開されています", published.GetElementById("documentId-error")!.TextContent);

        // A new draft nobody asked to approve.
        var editor = $"/backoffice/goals/{EditorPages.GoalId(portal, "koho")}";
        var form = await pr.ReadFormAsync(editor);
        form["Initiatives[0].MidtermReport.Status"] = "OnTrack";
        form["Initiatives[0].MidtermReport.ReportedOn"] = "2024-10-10";
        form["Initiatives[0].MidtermReport.Text"] = "承認依頼のない下書き";
        Assert.Equal(HttpStatusCode.Redirect, (await pr.PostAsync(editor, form)).StatusCode);
        var refused = await portal.AddMemberAsync(pr, setId, "koho");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = HtmlText.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("承認依頼がないため、追加できません", page.GetElementById("documentId-error")!.TextContent);
        Assert.Empty((await portal.SetAsync(setId)).Members);
    }

    [Fact]
    public async Task A_rejected_draft_cannot_join_and_the_tree_tags_it_sent_back()
    {
        var (author, pr) = await portal.PeopleAsync();
        var requestId = await portal.RequestApprovalAsync(author, "koho", KohoReport);
        var tree = HtmlText.Parse(await pr.Client.GetStringAsync("/backoffice/"));
        Assert.Contains("承認待ち", TagsOf(tree, "koho"));

        var reject = await pr.ReadFormAsync($"/backoffice/approvals/{requestId}", $"/backoffice/approvals/{requestId}/reject");
        Assert.Equal(HttpStatusCode.Redirect, (await pr.PostAsync($"/backoffice/approvals/{requestId}/reject", reject.With("DecisionNote", "数値を確認してください。"))).StatusCode);
        tree = HtmlText.Parse(await pr.Client.GetStringAsync("/backoffice/"));
        Assert.Equal(["差し戻し"], TagsOf(tree, "koho"));
        Assert.Empty(TagsOf(tree, "gakuen-toshi"));

        var setId = await portal.CreateSetAsync(pr, "差し戻しを含む", TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await portal.AddMemberAsync(pr, setId, "koho")).StatusCode);
    }

    private IReadOnlyList<string> TagsOf(AngleSharp.Dom.IDocument tree, string slug) =>
        tree.QuerySelector($"a[href='/backoffice/goals/{EditorPages.GoalId(portal, slug)}']")!.Closest("li")!
            .QuerySelectorAll(":scope > .content-tree__tag").Select(t => t.TextContent).ToList();

    [Fact]
    public async Task Members_can_be_removed_while_pending_and_a_cancelled_set_publishes_nothing()
    {
        var (author, pr) = await portal.PeopleAsync();
        await portal.RequestApprovalAsync(author, "gakuen-toshi", GakuenReport);
        await portal.RequestApprovalAsync(author, "koho", KohoReport);
        var setId = await portal.CreateSetAsync(pr, "取り消すセット", TimeSpan.FromHours(1));
        await portal.AddMemberAsync(pr, setId, "gakuen-toshi");
        await portal.AddMemberAsync(pr, setId, "koho");

        var koho = EditorPages.GoalId(portal, "koho");
        var remove = $"/backoffice/sets/{setId}/members/{koho}/remove";
        Assert.Equal(HttpStatusCode.Redirect, (await pr.PostFormAsync($"/backoffice/sets/{setId}", remove, [])).StatusCode);
        Assert.Equal([EditorPages.GoalId(portal, "gakuen-toshi")], (await portal.SetAsync(setId)).Members.Select(m => m.DocumentId));

        Assert.Equal(HttpStatusCode.Redirect, (await pr.PostFormAsync($"/backoffice/sets/{setId}", $"/backoffice/sets/{setId}/cancel", [])).StatusCode);
        Assert.Equal(PublicationSetStatus.Cancelled, (await portal.SetAsync(setId)).Status);
        Assert.Contains("取り消し", HtmlText.MainText(await pr.Client.GetStringAsync("/backoffice/schedule")));

        // A cancelled set can no longer change, and its moment passes without a publish.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await portal.AddMemberAsync(pr, setId, "koho")).StatusCode);
        portal.Clock.Advance(TimeSpan.FromHours(2));
        portal.Recorder.Clear();
        await portal.RunSchedulerPassAsync();
        Assert.Empty(portal.Recorder.Batches);
        Assert.DoesNotContain(GakuenReport, await PublicTextAsync("gakuen-toshi"));
        Assert.Contains(await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.Where(a => a.Action == AuditActions.PublicationSetChange).Select(a => a.Detail!).ToListAsync()), d => d.Contains("取り消し"));
    }

    [Fact]
    public async Task The_schedule_list_shows_scheduled_publishes_and_unpublishes_in_japan_time()
    {
        var (_, pr) = await portal.PeopleAsync();
        var id = EditorPages.GoalId(portal, "koho");
        var editor = $"/backoffice/goals/{id}";
        var schedule = (await pr.ReadFormAsync(editor)).With("PublishAt", "2099-04-01T09:00").With("UnpublishAt", "2099-05-01T17:30");
        Assert.Equal(HttpStatusCode.Redirect, (await pr.PostAsync($"{editor}/schedule", schedule)).StatusCode);

        var page = HtmlText.Parse(await pr.Client.GetStringAsync("/backoffice/schedule"));
        var row = HtmlText.Collapse(page.QuerySelector(".schedule-table tbody tr")!.TextContent);
        Assert.Contains("2099年4月1日 9:00", row);
        Assert.Contains("2099年5月1日 17:30", row);
        Assert.NotNull(page.QuerySelector($".schedule-table a[href='{editor}']"));
        Assert.Contains("予約済み", TagsOf(HtmlText.Parse(await pr.Client.GetStringAsync("/backoffice/")), "koho"));
    }

    [Fact]
    public async Task Set_forms_refuse_a_missing_name_and_a_past_moment_keeping_what_was_typed()
    {
        var (_, pr) = await portal.PeopleAsync();
        var past = portal.TokyoInput(TimeSpan.FromMinutes(-5));
        var response = await pr.PostFormAsync("/backoffice/sets/new", "/backoffice/sets/new", new() { ["Name"] = " ", ["ReleaseAt"] = past });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("セットの名前を入力してください", page.GetElementById("Name-error")!.TextContent);
        Assert.Contains("いまより後の日時", page.GetElementById("ReleaseAt-error")!.TextContent);
        Assert.Equal(past, page.GetElementById("ReleaseAt")!.GetAttribute("value"));
        Assert.Equal(0, await EditorPages.InDatabaseAsync(portal, db => db.PublicationSets.CountAsync()));
    }

    [Fact]
    public async Task Set_posts_without_an_antiforgery_token_are_refused()
    {
        var (_, pr) = await portal.PeopleAsync();
        var setId = await portal.CreateSetAsync(pr, "トークンなし", TimeSpan.FromHours(1));

        var response = await pr.Client.PostAsync($"/backoffice/sets/{setId}/cancel", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PublicationSetStatus.Pending, (await portal.SetAsync(setId)).Status);
    }
}

/// <summary>
/// 公開セット access: every role boundary of the set pages answers 403 or the login. Nothing here changes a set,
/// so the cases share one portal (each creates its set; the first one is set 1).
/// </summary>
public sealed class PublicationSetAccessTests(PublicationSetPortal portal) : IClassFixture<PublicationSetPortal>
{
    [Theory]
    [InlineData("GET", "/backoffice/schedule")]
    [InlineData("GET", "/backoffice/sets/new")]
    [InlineData("POST", "/backoffice/sets/new")]
    [InlineData("GET", "/backoffice/sets/1")]
    [InlineData("POST", "/backoffice/sets/1/members")]
    [InlineData("POST", "/backoffice/sets/1/cancel")]
    public async Task Department_authors_get_403_and_anonymous_visitors_are_sent_to_log_in(string method, string path)
    {
        var (author, pr) = await portal.PeopleAsync();
        await portal.CreateSetAsync(pr, "権限の確認", TimeSpan.FromHours(1));

        var token = await author.AntiforgeryTokenAsync("/backoffice/");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Name"] = "x" });
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.SendAsync(request)).StatusCode);

        var anonymous = BackofficeSession.Open(portal);
        var answer = await anonymous.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.StartsWith("/backoffice/login", answer.Headers.Location!.PathAndQuery);
        Assert.Equal("権限の確認", (await portal.SetAsync(1)).Name);
        Assert.Equal(PublicationSetStatus.Pending, (await portal.SetAsync(1)).Status);
    }
}
