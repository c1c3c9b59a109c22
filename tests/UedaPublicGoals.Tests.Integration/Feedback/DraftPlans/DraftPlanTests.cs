using System.Net;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Feedback.DraftPlans;
using UedaPublicGoals.Tests.Integration.Feedback.Inbox;
using UedaPublicGoals.Tests.Integration.Feedback.PublicSide;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.DraftPlans;

/// <summary>
/// The draft plan by paragraph over the real pipeline on SQLite: staff write and publish a draft,
/// residents read it and comment on a paragraph, staff find those comments by paragraph.
/// </summary>
public sealed class DraftPlanTests : IAsyncLifetime
{
    private readonly FeedbackPortal portal = new();
    private BackofficeSession staff = null!;

    public async Task InitializeAsync() => (staff, _) = await InboxTestData.LogInOfficerAsync(portal);

    public Task DisposeAsync()
    {
        portal.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_published_draft_shows_chapters_sections_and_numbered_paragraphs_with_a_link_and_a_count_each()
    {
        await DraftPlanSteps.PublishOpenAsync(portal, staff);
        var resident = portal.OpenSession();
        var (response, html) = await resident.GetAsync(DraftPlanSteps.PublicUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(html);

        Assert.Equal("第三次上田市総合計画（案）", HtmlText.Collapse(page.QuerySelector("h1")!.TextContent));
        Assert.Equal(["第1章 総論", "第2章 まちづくりの方向"], page.QuerySelectorAll("h2.draft-chapter").Select(h => h.TextContent.Trim()));
        Assert.Equal(["c1-1", "c1-2", "c2-1"], page.QuerySelectorAll("h3.draft-section").Select(h => h.Id!));
        Assert.Equal(
            ["p0-0-1", "p1-0-1", "p1-1-1", "p1-1-2", "p1-1-3", "p1-2-1", "p2-1-1", "p2-1-2"],
            page.QuerySelectorAll("section.draft-paragraph").Select(s => s.Id!));
        Assert.Equal("第1章 第1節 ¶2", page.QuerySelector("#p1-1-2 .draft-paragraph__ref")!.TextContent.Trim());
        Assert.Equal("寄せられた意見 0件", DraftPlanSteps.CountText(html, "p1-1-2"));

        // Markdown without raw HTML: the script is text.
        Assert.Empty(page.QuerySelectorAll("main script:not([src])"));
        Assert.Contains("<script>alert('x')</script>", page.QuerySelector("#p2-1-2")!.TextContent);

        // A plain link to the consultation's form with the paragraph; no JavaScript needed.
        var link = DraftPlanSteps.CommentLink(html, "p1-1-2");
        Assert.StartsWith("/iken/dai3ji-sogo-keikaku/?paragraph=", link);
        Assert.Contains("この段落に意見を送る", page.QuerySelector("#p1-1-2 .draft-paragraph__actions a")!.TextContent);
    }

    [Fact]
    public async Task A_comment_on_a_paragraph_carries_its_reference_into_the_inbox_where_the_paragraph_filter_finds_it_and_the_page_counts_it()
    {
        var id = await DraftPlanSteps.PublishOpenAsync(portal, staff);
        var version = (await DraftPlanSteps.VersionsAsync(portal, id)).Single();
        var resident = portal.OpenSession();
        var (_, draft) = await resident.GetAsync(DraftPlanSteps.PublicUrl);

        // The form shows which paragraph the comment is about.
        var formUrl = DraftPlanSteps.CommentLink(draft, "p1-1-2");
        var (_, formHtml) = await resident.GetAsync(formUrl);
        Assert.Contains("第1章 第1節 ¶2 への意見として受け付けます", HtmlText.MainText(formHtml));
        Assert.Contains("若い世代が住み続けたいと思えるまち", HtmlText.MainText(formHtml));

        var onParagraph = await CommentSteps.SubmitAsync(portal, resident, url: formUrl);
        var elsewhere = await CommentSteps.SubmitAsync(portal, portal.OpenSession(), url: DraftPlanSteps.CommentLink(draft, "p1-1-1"));
        var general = await CommentSteps.SubmitAsync(portal, portal.OpenSession());

        var stored = (await portal.CommentsAsync()).Single(c => c.ReceiptNumber == onParagraph);
        Assert.Equal((version.Id, "1-1-2"), (stored.DraftVersionId, stored.ParagraphRef));
        Assert.Null((await portal.CommentsAsync()).Single(c => c.ReceiptNumber == general).ParagraphRef);

        // Counted on the draft page, per paragraph.
        var (_, after) = await portal.OpenSession().GetAsync(DraftPlanSteps.PublicUrl);
        Assert.Equal("寄せられた意見 1件", DraftPlanSteps.CountText(after, "p1-1-2"));
        Assert.Equal("寄せられた意見 1件", DraftPlanSteps.CountText(after, "p1-1-1"));
        Assert.Equal("寄せられた意見 0件", DraftPlanSteps.CountText(after, "p1-2-1"));

        // The inbox shows the reference and filters by draft and paragraph.
        var list = await staff.Client.GetStringAsync("/backoffice/feedback");
        Assert.Contains("第三次上田市総合計画（案） 第1版 第1章 第1節 ¶2", HtmlText.MainText(list));
        var filtered = await staff.Client.GetStringAsync($"/backoffice/feedback?Draft={id}&Paragraph=1-1-2");
        Assert.Equal([onParagraph], InboxTestData.ListedReceipts(filtered));
        var byDraft = await staff.Client.GetStringAsync($"/backoffice/feedback?Draft={id}");
        Assert.Equal([elsewhere, onParagraph], InboxTestData.ListedReceipts(byDraft));

        var detail = HtmlText.Parse(await staff.Client.GetStringAsync($"/backoffice/feedback/{stored.Id}"));
        var terms = InboxTestData.Terms(detail.QuerySelector("dl.field-list")!);
        Assert.Equal("第三次上田市総合計画（案） 第1版 第1章 第1節 ¶2", terms["案の段落"]);
    }

    [Fact]
    public async Task A_forged_paragraph_reference_is_refused_next_to_the_field_with_the_text_kept_and_nothing_stored()
    {
        var id = await DraftPlanSteps.PublishOpenAsync(portal, staff);
        var version = (await DraftPlanSteps.VersionsAsync(portal, id)).Single();
        var resident = portal.OpenSession();
        var (_, draft) = await resident.GetAsync(DraftPlanSteps.PublicUrl);
        var formUrl = DraftPlanSteps.CommentLink(draft, "p1-1-2");

        foreach (var forged in new[] { $"{version.Id}:9-9-9", $"{version.Id + 100}:1-1-2", "1-1-2", $"{version.Id}:1-1-2<script>", "" + version.Id })
        {
            var (response, html) = await CommentSteps.ConfirmAsync(portal, resident, form => form["Paragraph"] = forged, formUrl);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = HtmlText.Parse(html);
            Assert.Contains("意見を送る段落が見つかりません", page.QuerySelector("#Paragraph-error")!.TextContent);
            Assert.Contains("意見を送る段落が見つかりません", page.QuerySelector(".error-summary")!.TextContent);
            Assert.Equal("#Paragraph", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
            Assert.Contains("駅前にもっと勉強できる場所がほしいです", page.QuerySelector("textarea#Text")!.TextContent);
            Assert.True(string.IsNullOrEmpty(page.QuerySelector("input[name=Paragraph]")!.GetAttribute("value")), "the unknown paragraph is dropped");
        }

        // Straight at the send step too: nothing stored.
        var send = await CommentSteps.SendFormAsync(portal, resident, url: formUrl);
        send["Paragraph"] = $"{version.Id}:7-7-7";
        var (sent, sentHtml) = await resident.PostAsync(send);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("意見を送る段落が見つかりません", HtmlText.MainText(sentHtml));
        Assert.Empty(await portal.CommentsAsync());

        // A forged link shows the same message on the form itself.
        var (opened, openedHtml) = await resident.GetAsync("/iken/dai3ji-sogo-keikaku/?paragraph=" + Uri.EscapeDataString($"{version.Id}:5-5-5"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Contains("意見を送る段落が見つかりません", HtmlText.MainText(openedHtml));
    }

    [Fact]
    public async Task Outside_the_comment_period_the_draft_reads_but_the_links_say_so_and_the_form_refuses_in_Japanese()
    {
        // Opens tomorrow.
        var id = await DraftPlanSteps.CreateAsync(portal, staff, await DraftPlanSteps.FieldsAsync(portal, TimeSpan.FromDays(1), TimeSpan.FromDays(40)));
        await DraftPlanSteps.PublishAsync(staff, id);
        var version = (await DraftPlanSteps.VersionsAsync(portal, id)).Single();
        var resident = portal.OpenSession();
        var (response, draft) = await resident.GetAsync(DraftPlanSteps.PublicUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("意見の募集はまだ始まっていません", HtmlText.MainText(draft));
        Assert.Empty(HtmlText.Parse(draft).QuerySelectorAll(".draft-paragraph__actions a"));
        Assert.Contains("意見の募集は", HtmlText.Collapse(HtmlText.Parse(draft).QuerySelector("#p1-1-2 .draft-paragraph__actions")!.TextContent));

        var formUrl = "/iken/dai3ji-sogo-keikaku/?paragraph=" + Uri.EscapeDataString($"{version.Id}:1-1-2");
        var (early, earlyHtml) = await resident.GetAsync(formUrl);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("この案への意見募集はまだ始まっていません", HtmlText.MainText(earlyHtml));
        Assert.Null(HtmlText.Parse(earlyHtml).QuerySelector("form.feedback-form"));

        // Open: the resident gets as far as the send step, then the period ends.
        portal.Clock.Advance(TimeSpan.FromDays(2));
        var send = await CommentSteps.SendFormAsync(portal, resident, url: formUrl);
        portal.Clock.Advance(TimeSpan.FromDays(40));
        var (sent, sentHtml) = await resident.PostAsync(send);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("この案への意見募集は終わりました", HtmlText.MainText(sentHtml));
        Assert.Empty(await portal.CommentsAsync());

        var (_, closed) = await resident.GetAsync(DraftPlanSteps.PublicUrl);
        Assert.Contains("意見の募集は終わりました", HtmlText.MainText(closed));
        Assert.Empty(HtmlText.Parse(closed).QuerySelectorAll(".draft-paragraph__actions a"));
        Assert.Contains("第1章 第1節 ¶2", HtmlText.MainText(closed));
    }

    [Fact]
    public async Task A_period_under_30_days_is_warned_about_but_still_published()
    {
        var fields = await DraftPlanSteps.FieldsAsync(portal, TimeSpan.FromHours(-1), TimeSpan.FromDays(14));
        var id = await DraftPlanSteps.CreateAsync(portal, staff, fields);
        var edit = HtmlText.Parse(await staff.Client.GetStringAsync($"/backoffice/feedback/drafts/{id}"));
        Assert.Contains("30日より短くなっています", edit.QuerySelector("#period-warning")!.TextContent);
        Assert.Null((await DraftPlanSteps.VersionsAsync(portal, id)).Single().PublishedUtc);
        var (notPublished, _) = await portal.OpenSession().GetAsync(DraftPlanSteps.PublicUrl);
        Assert.Equal(HttpStatusCode.NotFound, notPublished.StatusCode);

        var after = await DraftPlanSteps.PublishAsync(staff, id);
        Assert.Contains("第1版を公開しました", HtmlText.MainText(after));
        Assert.Contains("30日より短くなっています", HtmlText.MainText(after));
        Assert.NotNull((await DraftPlanSteps.VersionsAsync(portal, id)).Single().PublishedUtc);
        var (published, _) = await portal.OpenSession().GetAsync(DraftPlanSteps.PublicUrl);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        // 30 days or more: no warning.
        var longer = await DraftPlanSteps.FieldsAsync(portal, TimeSpan.FromHours(-1), TimeSpan.FromDays(30));
        var saved = await staff.PostFormAsync($"/backoffice/feedback/drafts/{id}", $"/backoffice/feedback/drafts/{id}", longer);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Null(HtmlText.Parse(await staff.Client.GetStringAsync($"/backoffice/feedback/drafts/{id}")).QuerySelector("#period-warning"));
    }

    [Fact]
    public async Task Editing_a_published_draft_makes_a_new_version_the_old_one_stays_readable_and_the_changes_are_listed()
    {
        var id = await DraftPlanSteps.PublishOpenAsync(portal, staff);
        var fields = await DraftPlanSteps.FieldsAsync(portal, TimeSpan.FromHours(-1), TimeSpan.FromDays(40), DraftPlanSteps.Body
            .Replace("若い世代が住み続けたいと思えるまちをつくります。", "若い世代が住み続けたい、戻ってきたいと思えるまちをつくります。", StringComparison.Ordinal)
            .Replace("目的の一つ目です。", "目的の一つ目です。\n\n市民と一緒に進めます。", StringComparison.Ordinal)
            .Replace("2026年度から2035年度までの10年間です。\n\n", "", StringComparison.Ordinal));
        var saved = await staff.PostFormAsync($"/backoffice/feedback/drafts/{id}", $"/backoffice/feedback/drafts/{id}", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var versions = await DraftPlanSteps.VersionsAsync(portal, id);
        Assert.Equal([(1, true), (2, false)], versions.Select(v => (v.Number, v.PublishedUtc is not null)));
        Assert.Contains("若い世代が住み続けたいと思えるまち", versions[0].Body); // the published text never changes

        // Until 第2版 is published, residents read 第1版.
        var (_, before) = await portal.OpenSession().GetAsync(DraftPlanSteps.PublicUrl);
        Assert.DoesNotContain("戻ってきたい", HtmlText.MainText(before));

        await DraftPlanSteps.PublishAsync(staff, id);
        var resident = portal.OpenSession();
        var (_, latest) = await resident.GetAsync(DraftPlanSteps.PublicUrl);
        Assert.Contains("戻ってきたい", HtmlText.Parse(latest).QuerySelector("#p1-1-3")!.TextContent);
        Assert.Contains("第2版", HtmlText.MainText(latest));

        // The old version at its own URL, without comment links, pointing to the latest.
        var (old, oldHtml) = await resident.GetAsync(DraftPlanSteps.PublicUrl + "/1");
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        Assert.Contains("若い世代が住み続けたいと思えるまち", HtmlText.Parse(oldHtml).QuerySelector("#p1-1-2")!.TextContent);
        Assert.Contains("これは古い版です", HtmlText.MainText(oldHtml));
        Assert.DoesNotContain(HtmlText.Parse(oldHtml).QuerySelectorAll(".draft-paragraph__actions a"), a => a.TextContent.Contains("この段落に意見を送る", StringComparison.Ordinal));

        // Versions listed with dates, and the change list.
        var versionLinks = HtmlText.Parse(latest).QuerySelectorAll(".draft-versions a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains(DraftPlanSteps.PublicUrl + "/1", versionLinks);
        Assert.Contains(DraftPlanSteps.PublicUrl + "/2/changes", versionLinks);
        var (changes, changesHtml) = await resident.GetAsync(DraftPlanSteps.PublicUrl + "/2/changes");
        Assert.Equal(HttpStatusCode.OK, changes.StatusCode);
        var items = HtmlText.Parse(changesHtml).QuerySelectorAll(".draft-change").ToList();
        Assert.Equal(
            ["追加：第1章 第1節 ¶2", "修正：第1章 第1節 ¶3（第1版では 第1章 第1節 ¶2）", "削除：（第1版の）第1章 第2節 ¶1"],
            items.Select(i => HtmlText.Collapse(i.QuerySelector("h2")!.TextContent)));
        var changed = items[1];
        Assert.Equal(["、戻ってきたい"], changed.QuerySelectorAll("ins").Select(e => e.TextContent));
        Assert.Contains("追加 1件、削除 1件、修正 1件", HtmlText.MainText(changesHtml));

        var (first, _) = await resident.GetAsync(DraftPlanSteps.PublicUrl + "/1/changes");
        Assert.Equal(HttpStatusCode.NotFound, first.StatusCode);
        var (unknown, _) = await resident.GetAsync(DraftPlanSteps.PublicUrl + "/3");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Draft_mistakes_are_refused_in_Japanese_and_no_consultation_may_take_the_an_path()
    {
        var fields = await DraftPlanSteps.FieldsAsync(portal, TimeSpan.Zero, TimeSpan.FromDays(40), body: "# 見出しだけ\n\n## 節だけ");
        fields["Form.ClosesAt"] = fields["Form.OpensAt"];
        fields["Form.Slug"] = "Bad Slug";
        var response = await staff.PostFormAsync("/backoffice/feedback/drafts/new", "/backoffice/feedback/drafts/new", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = HtmlText.Collapse(HtmlText.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("本文に段落がありません", summary);
        Assert.Contains("募集終了は募集開始より後の日時にしてください", summary);
        Assert.Contains("URLの名前は半角の小文字英数字とハイフンで入力してください", summary);
        Assert.Empty(await portal.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.DraftPlans)));

        fields = await DraftPlanSteps.FieldsAsync(portal, TimeSpan.Zero, TimeSpan.FromDays(40));
        fields["Form.OpensAt"] = "0001-01-01T00:00";
        var ancient = await staff.PostFormAsync("/backoffice/feedback/drafts/new", "/backoffice/feedback/drafts/new", fields);
        Assert.Equal(HttpStatusCode.OK, ancient.StatusCode);
        Assert.Contains("日時は2000年から2099年までの間で入力してください", HtmlText.MainText(await ancient.Content.ReadAsStringAsync()));

        var consultation = await staff.PostFormAsync("/backoffice/feedback/consultations/new", "/backoffice/feedback/consultations/new", new()
        {
            ["Form.Title"] = "案", ["Form.Slug"] = DraftPlanPaths.Segment, ["Form.FieldsText"] = "その他", ["Form.OpensAt"] = "2026-12-01T09:00", ["Form.RetentionDays"] = "30",
        });
        Assert.Equal(HttpStatusCode.OK, consultation.StatusCode);
        Assert.Contains("案のページ", HtmlText.MainText(await consultation.Content.ReadAsStringAsync()));
    }

    private IEnumerable<string> StaffPages(int id) => ["/backoffice/feedback/drafts", "/backoffice/feedback/drafts/new", $"/backoffice/feedback/drafts/{id}"];

    private IEnumerable<string> StaffActions(int id) => ["/backoffice/feedback/drafts/new", $"/backoffice/feedback/drafts/{id}", $"/backoffice/feedback/drafts/{id}/publish"];

    [Theory]
    [InlineData(BackofficeRoles.PublicRelations)]
    [InlineData(BackofficeRoles.DepartmentAuthor)]
    public async Task Other_backoffice_roles_get_403_on_every_draft_page_and_form(string role)
    {
        var id = await DraftPlanSteps.CreateAsync(portal, staff, await DraftPlanSteps.FieldsAsync(portal, TimeSpan.Zero, TimeSpan.FromDays(40)));
        var (other, _) = await InboxTestData.LogInOfficerAsync(portal, role);
        foreach (var path in StaffPages(id))
        {
            Assert.True((await other.Client.GetAsync(path)).StatusCode == HttpStatusCode.Forbidden, $"GET {path} as {role}");
        }

        var token = await other.AntiforgeryTokenAsync("/backoffice/account/password");
        foreach (var action in StaffActions(id))
        {
            var response = await other.Client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {action} as {role}: {response.StatusCode}");
        }

        Assert.Null((await DraftPlanSteps.VersionsAsync(portal, id)).Single().PublishedUtc);
        var (_, planningOfficerLayout) = await HtmlText.GetAsync(staff.Client, "/backoffice/feedback/drafts");
        Assert.Contains("意見募集の案", HtmlText.MainText(planningOfficerLayout));
    }

    [Fact]
    public async Task Every_draft_form_post_without_an_antiforgery_token_is_refused_with_400_and_changes_nothing()
    {
        var id = await DraftPlanSteps.CreateAsync(portal, staff, await DraftPlanSteps.FieldsAsync(portal, TimeSpan.Zero, TimeSpan.FromDays(40)));
        var fields = await DraftPlanSteps.FieldsAsync(portal, TimeSpan.Zero, TimeSpan.FromDays(40), body: "# 書き換え\n\n別の本文。");
        foreach (var action in StaffActions(id))
        {
            var response = await staff.Client.PostAsync(action, new FormUrlEncodedContent(fields));
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"POST {action}: {response.StatusCode}");
        }

        var version = (await DraftPlanSteps.VersionsAsync(portal, id)).Single();
        Assert.Equal((DraftPlanSteps.Body, (DateTime?)null), (version.Body, version.PublishedUtc));
    }
}
