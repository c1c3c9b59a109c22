using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Reporting;

/// <summary>
/// Approvals that reach people: e-mail to every active 広報 when a 承認依頼 arrives and to the author on
/// the decision (real SMTP listener), the pending-count badge, 「自分の依頼」, and the pinned slug.
/// </summary>
public sealed class ApprovalsReachPeopleTests : IAsyncLifetime
{
    private readonly SmtpTestServer smtp = new();
    private CyclePortal portal = null!;

    public async Task InitializeAsync()
    {
        portal = new CyclePortal("2024-10-20T10:00", smtp);
        var department = await EditorPages.SeisakuKikakuIdAsync(portal);
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, "author@example.jp", department);
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, "colleague@example.jp", department);
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations, "kouhou1@example.jp");
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations, "kouhou2@example.jp");
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PublicRelations, "retired@example.jp");
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var retired = (await users.FindByEmailAsync("retired@example.jp"))!;
        retired.IsDisabled = true;
        await users.UpdateAsync(retired);
    }

    public async Task DisposeAsync()
    {
        portal.Dispose();
        await smtp.DisposeAsync();
    }

    private static string Editor(Guid id) => $"/backoffice/goals/{id}";

    [Fact]
    public async Task A_request_mails_every_active_public_relations_account_and_the_approval_mails_the_author()
    {
        var author = await BackofficeSession.LogInAsync(portal, "author@example.jp");
        var goal = portal.Goal("gakuen-toshi");
        var requestId = await portal.RequestApprovalAsync(author, goal);

        var arrived = await smtp.NextAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["kouhou1@example.jp", "kouhou2@example.jp"], arrived.Recipients.Order(StringComparer.Ordinal).ToList());
        var message = arrived.Parse();
        Assert.StartsWith("【承認依頼】", message.Subject, StringComparison.Ordinal);
        Assert.Contains("（第2版）", message.Subject, StringComparison.Ordinal);
        Assert.Contains("依頼者：author@example.jp", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("メッセージ：中間報告を入力しました。", message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"確認する：https://goals.example.jp/backoffice/approvals/{requestId}", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("場所：政策企画部 令和6年度", message.TextBody, StringComparison.Ordinal);

        var pr = await BackofficeSession.LogInAsync(portal, "kouhou1@example.jp");
        var review = HtmlText.Parse(await pr.Client.GetStringAsync($"/backoffice/approvals/{requestId}"));
        Assert.Equal(HttpStatusCode.Redirect, (await pr.PostAsync($"/backoffice/approvals/{requestId}/approve", EditorPages.FormOf(review, $"/backoffice/approvals/{requestId}/approve"))).StatusCode);

        var decided = await smtp.NextAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["author@example.jp"], decided.Recipients);
        var decision = decided.Parse();
        Assert.EndsWith("：承認・公開", decision.Subject, StringComparison.Ordinal);
        Assert.Contains("kouhou1@example.jp により承認され、公開されました。", decision.TextBody, StringComparison.Ordinal);
        Assert.Contains($"編集画面：https://goals.example.jp/backoffice/goals/{goal}", decision.TextBody, StringComparison.Ordinal);
        Assert.False(smtp.TryTake(out _));
    }

    [Fact]
    public async Task Sending_back_mails_the_author_with_the_reviewers_comment()
    {
        var author = await BackofficeSession.LogInAsync(portal, "author@example.jp");
        var requestId = await portal.RequestApprovalAsync(author, portal.Goal("koho"));
        await smtp.NextAsync(TimeSpan.FromSeconds(20));

        var pr = await BackofficeSession.LogInAsync(portal, "kouhou2@example.jp");
        var reject = await pr.ReadFormAsync($"/backoffice/approvals/{requestId}", $"/backoffice/approvals/{requestId}/reject");
        Assert.Equal(HttpStatusCode.Redirect, (await pr.PostAsync($"/backoffice/approvals/{requestId}/reject", reject.With("DecisionNote", "報告日を10月末にしてください。"))).StatusCode);

        var decided = await smtp.NextAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["author@example.jp"], decided.Recipients);
        var message = decided.Parse();
        Assert.EndsWith("：差し戻し", message.Subject, StringComparison.Ordinal);
        Assert.Contains("kouhou2@example.jp により差し戻されました。", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("差し戻しの理由：\n報告日を10月末にしてください。", message.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_navigation_counts_pending_requests_in_words_for_those_who_can_approve()
    {
        var pr = await BackofficeSession.LogInAsync(portal, "kouhou1@example.jp");
        Assert.Null(HtmlText.Parse(await pr.Client.GetStringAsync("/backoffice/")).QuerySelector("#nav-approvals .nav-badge"));

        var author = await BackofficeSession.LogInAsync(portal, "author@example.jp");
        await portal.RequestApprovalAsync(author, portal.Goal("koho"));
        await portal.RequestApprovalAsync(author, portal.Goal("gakuen-toshi"));
        var badge = HtmlText.Parse(await pr.Client.GetStringAsync("/backoffice/")).QuerySelector("#nav-approvals .nav-badge");
        Assert.Equal("2件が承認待ち", HtmlText.Collapse(badge!.TextContent));
        Assert.Equal("承認依頼 2件が承認待ち", HtmlText.Collapse(HtmlText.Parse(await pr.Client.GetStringAsync("/backoffice/")).GetElementById("nav-approvals")!.TextContent));

        // Authors cannot approve: no approvals link, no badge; their own list instead.
        var authorPage = HtmlText.Parse(await author.Client.GetStringAsync("/backoffice/"));
        Assert.Null(authorPage.GetElementById("nav-approvals"));
        Assert.Contains(authorPage.QuerySelectorAll("nav a"), a => a.GetAttribute("href") == "/backoffice/my-requests" && a.TextContent == "自分の依頼");
    }

    [Fact]
    public async Task Authors_see_their_own_requests_and_outcomes_and_not_anyone_elses()
    {
        var author = await BackofficeSession.LogInAsync(portal, "author@example.jp");
        var colleague = await BackofficeSession.LogInAsync(portal, "colleague@example.jp");
        var sentBack = await portal.RequestApprovalAsync(author, portal.Goal("koho"));
        var pending = await portal.RequestApprovalAsync(author, portal.Goal("gakuen-toshi"));
        var colleagues = await portal.RequestApprovalAsync(colleague, portal.Goal("smart-city"), "同僚の依頼です。");
        var pr = await BackofficeSession.LogInAsync(portal, "kouhou1@example.jp");
        var reject = await pr.ReadFormAsync($"/backoffice/approvals/{sentBack}", $"/backoffice/approvals/{sentBack}/reject");
        await pr.PostAsync($"/backoffice/approvals/{sentBack}/reject", reject.With("DecisionNote", "数値目標の実績を書いてください。"));

        var mine = HtmlText.Parse(await author.Client.GetStringAsync("/backoffice/my-requests"));
        var items = mine.QuerySelectorAll(".my-requests li[data-request]").ToDictionary(li => long.Parse(li.GetAttribute("data-request")!, System.Globalization.CultureInfo.InvariantCulture), li => HtmlText.Collapse(li.TextContent));
        Assert.Equal(new[] { sentBack, pending }.Order(), items.Keys.Order());
        Assert.Contains("結果：差し戻し", items[sentBack], StringComparison.Ordinal);
        Assert.Contains("差し戻しの理由：数値目標の実績を書いてください。", items[sentBack], StringComparison.Ordinal);
        Assert.Contains("結果：承認待ち", items[pending], StringComparison.Ordinal);
        Assert.DoesNotContain(colleagues, items.Keys);

        var theirs = HtmlText.Parse(await colleague.Client.GetStringAsync("/backoffice/my-requests"));
        Assert.Equal([colleagues.ToString(System.Globalization.CultureInfo.InvariantCulture)], theirs.QuerySelectorAll(".my-requests li[data-request]").Select(li => li.GetAttribute("data-request")!).ToList());

        // 部局担当 still cannot open 広報's inbox or decide.
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync("/backoffice/approvals")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync($"/backoffice/approvals/{pending}")).StatusCode);
        var token = await author.AntiforgeryTokenAsync("/backoffice/my-requests");
        var approve = await author.Client.PostAsync($"/backoffice/approvals/{pending}/approve", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, approve.StatusCode);

        var planning = await BackofficeSession.LogInNewAsync(portal, BackofficeRoles.PlanningOfficer);
        Assert.Equal(HttpStatusCode.Forbidden, (await planning.Client.GetAsync("/backoffice/my-requests")).StatusCode);
    }

    [Fact]
    public async Task Approving_without_the_antiforgery_token_is_refused_and_publishes_nothing()
    {
        var author = await BackofficeSession.LogInAsync(portal, "author@example.jp");
        var goal = portal.Goal("koho");
        var requestId = await portal.RequestApprovalAsync(author, goal);
        var pr = await BackofficeSession.LogInAsync(portal, "kouhou1@example.jp");
        var response = await pr.Client.PostAsync($"/backoffice/approvals/{requestId}/approve", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, (await EditorPages.DocumentAsync(portal, goal)).PublishedVersion);
        Assert.Equal(ApprovalStatus.Pending, await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.Where(a => a.Id == requestId).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_slug_changed_after_the_request_is_shown_old_to_new_and_the_request_cannot_be_approved_as_is()
    {
        // A new goal, never published: its slug can change with a plain save, without a new version.
        var yearId = await EditorPages.R6YearIdAsync(portal);
        Guid goal = default;
        await portal.WithStoreAsync(async (store, _) =>
        {
            var content = new GoalContent { Title = "新しい重点目標", Priority = 5, Initiatives = [new Initiative { Number = 1, Title = "新しい取組" }] };
            goal = (await store.CreateAsync(DocumentKind.Goal, yearId, new DocumentPlacement("atarashii", 50), content, PortalFactory.AdminEmail)).Id;
        });
        var author = await BackofficeSession.LogInAsync(portal, "author@example.jp");
        var requestId = await portal.RequestApprovalAsync(author, goal);
        Assert.Equal("atarashii", await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.Where(a => a.Id == requestId).Select(a => a.Slug).SingleAsync()));
        var versionAsked = (await EditorPages.DocumentAsync(portal, goal)).DraftVersion;

        var form = await author.ReadFormAsync(Editor(goal));
        form["Slug"] = "atarashii-mokuhyo";
        Assert.Equal(HttpStatusCode.Redirect, (await author.PostAsync(Editor(goal), form)).StatusCode);
        Assert.Equal((versionAsked, "atarashii-mokuhyo"), (await EditorPages.DocumentAsync(portal, goal)) is var d ? (d.DraftVersion, d.Slug) : default);

        var pr = await BackofficeSession.LogInAsync(portal, "kouhou1@example.jp");
        var review = HtmlText.Parse(await pr.Client.GetStringAsync($"/backoffice/approvals/{requestId}"));
        Assert.Contains("依頼時 atarashii → いま atarashii-mokuhyo", HtmlText.Collapse(review.QuerySelector(".editor-meta")!.TextContent), StringComparison.Ordinal);
        Assert.Contains("「atarashii」から「atarashii-mokuhyo」に変更されました", review.GetElementById("slug-changed")!.TextContent, StringComparison.Ordinal);
        Assert.Null(review.QuerySelector($"form[action='/backoffice/approvals/{requestId}/approve']"));
        Assert.Contains("依頼後にスラッグ（URL）が変更されています", HtmlText.MainText(await pr.Client.GetStringAsync("/backoffice/approvals")), StringComparison.Ordinal);

        var response = await pr.PostAsync($"/backoffice/approvals/{requestId}/approve", EditorPages.FormOf(review, $"/backoffice/approvals/{requestId}/reject"));
        Assert.Contains("スラッグ（URL）が変更されたため、この依頼は古くなっています", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null((await EditorPages.DocumentAsync(portal, goal)).PublishedVersion);
        Assert.Equal(ApprovalStatus.Pending, await EditorPages.InDatabaseAsync(portal, db => db.ApprovalRequests.Where(a => a.Id == requestId).Select(a => a.Status).SingleAsync()));
    }
}
