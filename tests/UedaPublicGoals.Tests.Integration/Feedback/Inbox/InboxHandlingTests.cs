using System.Net;
using Microsoft.AspNetCore.DataProtection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <summary>The detail page: status, hiding, assignee, 市の考え方, publishing, notes, conflicts, contacts.</summary>
public sealed class InboxHandlingTests : IDisposable
{
    private readonly PortalFactory portal = new();

    public void Dispose() => portal.Dispose();

    public static string DetailPath(Comment comment) => $"/backoffice/feedback/{comment.Id}";

    /// <summary>Reads the handling form as the page rendered it, then overrides what the officer changes.</summary>
    public static async Task<HttpResponseMessage> SaveHandlingAsync(BackofficeSession session, Comment comment, Dictionary<string, string> changes)
    {
        var html = await session.Client.GetStringAsync(DetailPath(comment));
        var form = HtmlText.Parse(html).QuerySelector($"form[action='{DetailPath(comment)}']")!;
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Handling.Stamp"] = form.QuerySelector("input[name='Handling.Stamp']")!.GetAttribute("value")!,
            ["Handling.Status"] = form.QuerySelector("input[name='Handling.Status'][checked]")!.GetAttribute("value")!,
            ["Handling.HiddenReason"] = form.QuerySelector("input[name='Handling.HiddenReason']")!.GetAttribute("value") ?? "",
            ["Handling.AssigneeEmail"] = form.QuerySelector("select[name='Handling.AssigneeEmail'] option[selected]")?.GetAttribute("value") ?? "",
            ["Handling.CityResponse"] = form.QuerySelector("textarea[name='Handling.CityResponse']")!.TextContent,
        };
        if (form.QuerySelector("input[name='Handling.IsPublished'][checked]") is not null)
        {
            fields["Handling.IsPublished"] = "true";
        }

        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }

        return await session.Client.PostAsync(DetailPath(comment), new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task A_status_change_is_stored_and_audited_with_who_what_and_from_to()
    {
        var (session, email) = await InboxTestData.LogInOfficerAsync(portal);
        var comment = await InboxTestData.AddCommentAsync(portal);

        var response = await SaveHandlingAsync(session, comment, new() { ["Handling.Status"] = "Reviewed" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DetailPath(comment), response.Headers.Location!.OriginalString);

        var stored = await InboxTestData.LoadAsync(portal, comment.Id);
        Assert.Equal(CommentStatus.Reviewed, stored.Status);
        Assert.NotEqual(comment.ConcurrencyStamp, stored.ConcurrencyStamp);

        var entry = Assert.Single(await InboxTestData.AuditAsync(portal));
        Assert.Equal(InboxAuditActions.Status, entry.Action);
        Assert.Equal(comment.ReceiptNumber, entry.Target);
        Assert.Equal(email, entry.Actor);
        Assert.Equal("新着 → 確認済", entry.Detail);

        // The notice is shown once, on the page the redirect leads to.
        Assert.Contains("保存しました：新着 → 確認済", HtmlText.MainText(await session.Client.GetStringAsync(DetailPath(comment))));
    }

    [Fact]
    public async Task Hiding_needs_a_reason_and_then_takes_the_comment_off_the_results_page()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var comment = await InboxTestData.AddCommentAsync(portal, c => c.IsPublished = true);

        var refused = await SaveHandlingAsync(session, comment, new() { ["Handling.Status"] = "Hidden", ["Handling.HiddenReason"] = "  " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        var reason = HtmlText.Parse(html).QuerySelector("#Handling_HiddenReason")!;
        Assert.Equal("true", reason.GetAttribute("aria-invalid"));
        Assert.Contains("非表示にする理由を入力してください", HtmlText.Parse(html).QuerySelector("#Handling_HiddenReason-error")!.TextContent);
        Assert.Equal(CommentStatus.New, (await InboxTestData.LoadAsync(portal, comment.Id)).Status);
        Assert.Empty(await InboxTestData.AuditAsync(portal));

        var hidden = await SaveHandlingAsync(session, comment, new() { ["Handling.Status"] = "Hidden", ["Handling.HiddenReason"] = "宣伝・スパム" });
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        var stored = await InboxTestData.LoadAsync(portal, comment.Id);
        Assert.Equal(CommentStatus.Hidden, stored.Status);
        Assert.Equal("宣伝・スパム", stored.HiddenReason);
        Assert.False(stored.IsPublished);

        var audit = await InboxTestData.AuditAsync(portal);
        Assert.Contains(audit, a => a.Action == InboxAuditActions.Status && a.Detail == "新着 → 非表示（理由：宣伝・スパム）");
        Assert.Contains(audit, a => a.Action == InboxAuditActions.Publish && a.Detail == "非表示にしたため公開を停止");
    }

    [Fact]
    public async Task The_citys_response_and_publishing_are_saved_audited_and_previewed_as_the_public_will_see_them()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PlanningOfficer, "tanto@example.jp"); // assignees are staff accounts
        var comment = await InboxTestData.AddCommentAsync(portal, c =>
        {
            c.Text = "駅前に自転車置き場を増やしてください";
            c.Field = "土地利用・都市づくり";
            c.AgeGroup = AgeGroup.CollegeStudent;
            c.Residence = Residence.CommutesIn;
            c.Nickname = "えきまえ";
        });

        var response = await SaveHandlingAsync(session, comment, new()
        {
            ["Handling.Status"] = "Answered",
            ["Handling.CityResponse"] = "令和9年度に駅北側へ200台分を整備する計画です。",
            ["Handling.IsPublished"] = "true",
            ["Handling.AssigneeEmail"] = "Tanto@Example.jp",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await InboxTestData.LoadAsync(portal, comment.Id);
        Assert.Equal(CommentStatus.Answered, stored.Status);
        Assert.Equal("令和9年度に駅北側へ200台分を整備する計画です。", stored.CityResponse);
        Assert.True(stored.IsPublished);
        Assert.Equal("tanto@example.jp", stored.AssigneeEmail);

        var actions = (await InboxTestData.AuditAsync(portal)).Select(a => a.Action).ToList();
        Assert.Equal([InboxAuditActions.Status, InboxAuditActions.Assign, InboxAuditActions.Response, InboxAuditActions.Publish], actions);

        // Only text, 分野, 年代 (and the response) go public: no receipt number, residence or nickname.
        var preview = InboxTestData.Terms(HtmlText.Parse(await session.Client.GetStringAsync(DetailPath(comment))).QuerySelector(".inbox-preview dl")!);
        Assert.Equal(new Dictionary<string, string>
        {
            ["意見"] = "駅前に自転車置き場を増やしてください",
            ["分野"] = "土地利用・都市づくり",
            ["年代"] = "大学生・専門学校生",
            ["市の考え方"] = "令和9年度に駅北側へ200台分を整備する計画です。",
        }, preview);
    }

    [Fact]
    public async Task Publishing_without_a_citys_response_asks_first_keeps_what_was_typed_and_saves_nothing_until_confirmed()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.PlanningOfficer, "tanto@example.jp"); // assignees are staff accounts
        var comment = await InboxTestData.AddCommentAsync(portal, c => c.Text = "図書館の自習席を増やしてほしい");

        var asked = await SaveHandlingAsync(session, comment, new()
        {
            ["Handling.Status"] = "Reviewed",
            ["Handling.AssigneeEmail"] = "tanto@example.jp",
            ["Handling.IsPublished"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var page = HtmlText.Parse(await asked.Content.ReadAsStringAsync());
        Assert.Contains("市の考え方がまだ書かれていません", page.QuerySelector("#Handling_IsPublished-error")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[name='Handling.PublishWithoutResponse']"));
        Assert.NotNull(page.QuerySelector("input[name='Handling.IsPublished'][checked]"));
        Assert.Equal("tanto@example.jp", page.QuerySelector("select[name='Handling.AssigneeEmail'] option[selected]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Handling.Status'][value='Reviewed'][checked]"));

        var untouched = await InboxTestData.LoadAsync(portal, comment.Id);
        Assert.False(untouched.IsPublished);
        Assert.Equal(CommentStatus.New, untouched.Status);
        Assert.Null(untouched.AssigneeEmail);
        Assert.Empty(await InboxTestData.AuditAsync(portal));

        var confirmed = await SaveHandlingAsync(session, comment, new()
        {
            ["Handling.Status"] = "Reviewed",
            ["Handling.IsPublished"] = "true",
            ["Handling.PublishWithoutResponse"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.True((await InboxTestData.LoadAsync(portal, comment.Id)).IsPublished);

        // Saving it again later does not ask again: it is already on the results page as it is.
        var again = await SaveHandlingAsync(session, comment, new() { ["Handling.Status"] = "ForwardedToCouncil" });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Notes_are_added_with_their_author_shown_on_the_page_and_audited_and_an_empty_note_is_refused()
    {
        var (session, email) = await InboxTestData.LogInOfficerAsync(portal);
        var comment = await InboxTestData.AddCommentAsync(portal);

        var empty = await session.PostFormAsync(DetailPath(comment), DetailPath(comment) + "/notes", new() { ["Note.Text"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("メモを入力してください。", HtmlText.MainText(await empty.Content.ReadAsStringAsync()));

        var added = await session.PostFormAsync(DetailPath(comment), DetailPath(comment) + "/notes", new() { ["Note.Text"] = "審議会の交通部会で取り上げる候補" });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var note = Assert.Single((await InboxTestData.LoadAsync(portal, comment.Id)).Notes);
        Assert.Equal(email, note.Author);
        Assert.Equal("審議会の交通部会で取り上げる候補", note.Text);
        var entry = Assert.Single(await InboxTestData.AuditAsync(portal));
        Assert.Equal((InboxAuditActions.Note, comment.ReceiptNumber), (entry.Action, entry.Target));

        var notes = HtmlText.Collapse(HtmlText.Parse(await session.Client.GetStringAsync(DetailPath(comment))).QuerySelector(".inbox-notes")!.TextContent);
        Assert.Contains(email, notes);
        Assert.Contains("審議会の交通部会で取り上げる候補", notes);
    }

    [Fact]
    public async Task A_save_from_a_page_opened_before_someone_elses_save_is_refused_with_the_conflict_message_and_the_typed_text_kept()
    {
        var (first, _) = await InboxTestData.LogInOfficerAsync(portal);
        var (second, _) = await InboxTestData.LogInOfficerAsync(portal);
        var comment = await InboxTestData.AddCommentAsync(portal);

        // The first officer opens the page (stamp A); the second saves in the meantime.
        var stale = HtmlText.Parse(await first.Client.GetStringAsync(DetailPath(comment)));
        var staleToken = stale.QuerySelector($"form[action='{DetailPath(comment)}'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var staleStamp = stale.QuerySelector("input[name='Handling.Stamp']")!.GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await SaveHandlingAsync(second, comment, new() { ["Handling.Status"] = "ForwardedToCouncil" })).StatusCode);

        var conflict = await first.Client.PostAsync(DetailPath(comment), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = staleToken,
            ["Handling.Stamp"] = staleStamp,
            ["Handling.Status"] = "Answered",
            ["Handling.CityResponse"] = "最初の担当者が書いた回答",
        }));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        Assert.Contains(InboxController.ConflictMessage, HtmlText.Parse(html).QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("最初の担当者が書いた回答", HtmlText.Parse(html).QuerySelector(".inbox-rejected")!.TextContent);
        // The page now carries the current state and stamp, so a deliberate second try can succeed.
        Assert.Equal("ForwardedToCouncil", HtmlText.Parse(html).QuerySelector("input[name='Handling.Status'][checked]")!.GetAttribute("value"));

        var stored = await InboxTestData.LoadAsync(portal, comment.Id);
        Assert.Equal(CommentStatus.ForwardedToCouncil, stored.Status);
        Assert.Null(stored.CityResponse);
        Assert.Equal(HtmlText.Parse(html).QuerySelector("input[name='Handling.Stamp']")!.GetAttribute("value"), stored.ConcurrencyStamp.ToString());
        Assert.Single(await InboxTestData.AuditAsync(portal));
    }

    [Fact]
    public async Task Each_showing_of_a_reply_email_is_audited_and_pages_without_an_address_are_not()
    {
        var (session, email) = await InboxTestData.LogInOfficerAsync(portal);
        var withEmail = await InboxTestData.AddCommentAsync(portal, c => c.ReplyEmailProtected = InboxTestData.ProtectEmail(portal, "taro@example.jp"));
        var nicknameOnly = await InboxTestData.AddCommentAsync(portal, c => c.Nickname = "はなこ");

        await session.Client.GetStringAsync(DetailPath(withEmail));
        await session.Client.GetStringAsync(DetailPath(withEmail));
        await session.Client.GetStringAsync(DetailPath(nicknameOnly));

        var looks = await InboxTestData.AuditAsync(portal);
        Assert.Equal(2, looks.Count);
        Assert.All(looks, look => Assert.Equal((InboxAuditActions.ContactView, withEmail.ReceiptNumber, email), (look.Action, look.Target, look.Actor)));
    }

    [Fact]
    public async Task An_address_the_key_ring_can_no_longer_decrypt_is_reported_as_unreadable_and_not_audited()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        // Protected with a key this site's key ring does not hold, as after losing the key ring.
        var lostKey = new EphemeralDataProtectionProvider().CreateProtector("Feedback.ReplyEmail").Protect("jiro@example.jp");
        var comment = await InboxTestData.AddCommentAsync(portal, c => { c.Nickname = "じろう"; c.ReplyEmailProtected = lostKey; });

        var contact = InboxTestData.Terms(HtmlText.Parse(await session.Client.GetStringAsync(DetailPath(comment))).QuerySelector("section[aria-labelledby=contact-heading] dl")!);
        Assert.Equal("じろう", contact["ニックネーム"]);
        Assert.Contains("暗号鍵が見つからないため読み出せません", contact["返信用メールアドレス"]);
        Assert.Empty(await InboxTestData.AuditAsync(portal));
    }
}

/// <summary>
/// The detail page shows the contact, its purge and the routing rule: these tests count nothing the others change,
/// so they share one portal.
/// </summary>
public sealed class InboxDetailPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData(BackofficeRoles.PlanningOfficer)]
    [InlineData(BackofficeRoles.Administrator)]
    public async Task The_reply_email_is_shown_decrypted_to_the_two_roles_that_may_contact_residents(string role)
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal, role);
        var comment = await InboxTestData.AddCommentAsync(portal, c =>
        {
            c.Nickname = "たろう";
            c.ReplyEmailProtected = InboxTestData.ProtectEmail(portal, "taro@example.jp");
        });

        var html = await session.Client.GetStringAsync(InboxHandlingTests.DetailPath(comment));
        var contact = InboxTestData.Terms(HtmlText.Parse(html).QuerySelector("section[aria-labelledby=contact-heading] dl")!);
        Assert.Equal("たろう", contact["ニックネーム"]);
        Assert.Equal("taro@example.jp", contact["返信用メールアドレス"]);
        Assert.DoesNotContain(comment.ReplyEmailProtected!, html);
    }

    [Fact]
    public async Task A_purged_contact_says_so_instead_of_showing_anything()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var comment = await InboxTestData.AddCommentAsync(portal, c => c.PersonalDataPurgedUtc = InboxTestData.Tokyo(2026, 8, 3));

        var contact = HtmlText.Collapse(HtmlText.Parse(await session.Client.GetStringAsync(InboxHandlingTests.DetailPath(comment))).QuerySelector("section[aria-labelledby=contact-heading]")!.TextContent);
        Assert.Contains("保存期間を過ぎたため2026年8月3日に削除しました", contact);
    }

    [Fact]
    public async Task The_detail_page_says_which_routing_rule_sent_the_comment()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var ruleId = await InboxTestData.WithFeedbackDbAsync(portal, db => Task.FromResult(db.RoutingRules.Single().Id));
        var routed = await InboxTestData.AddCommentAsync(portal, c => c.RoutingRuleId = ruleId);
        var unrouted = await InboxTestData.AddCommentAsync(portal);

        Assert.Contains("振り分けルール「政策企画部の重点目標への意見は総合計画の意見聴取へ」による", HtmlText.MainText(await session.Client.GetStringAsync(InboxHandlingTests.DetailPath(routed))));
        Assert.Contains("どのルールにも当てはまらず、既定の意見募集へ", HtmlText.MainText(await session.Client.GetStringAsync(InboxHandlingTests.DetailPath(unrouted))));
    }

    [Fact]
    public async Task An_unknown_comment_is_a_404()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync("/backoffice/feedback/999999")).StatusCode);
    }
}
