using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.ResultNotice;
using UedaPublicGoals.Tests.Integration.Feedback.Inbox;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.ResultNotice;

/// <summary>
/// 結果公示 through the real pipeline: 240 generated opinions, the completeness check, publishing,
/// the public HTML, A4 print page and CSV, versions, and classification with its bad input.
/// </summary>
public sealed class ResultNoticeTests : IAsyncLifetime
{
    private const string Slug = "dai3ji-sogo-keikaku";
    private const string NoticePath = "/iken/kekka-koji/" + Slug;
    private readonly PortalFactory portal = new();
    private int consultationId;

    public async Task InitializeAsync() => consultationId = await GeneratedOpinions.DefaultConsultationIdAsync(portal.Services);

    public Task DisposeAsync()
    {
        portal.Dispose();
        return Task.CompletedTask;
    }

    private string StaffPage => $"/backoffice/feedback/notice/{consultationId}";

    private Task<HttpResponseMessage> SaveSettingsAsync(BackofficeSession session, string categories, string changes = "") =>
        session.PostFormAsync(StaffPage, StaffPage + "/settings", new()
        {
            ["Settings.Categories"] = categories,
            ["Settings.DraftPublishedOn"] = "2026-09-15",
            ["Settings.ChangesFromDraft"] = changes,
        });

    private Task<HttpResponseMessage> PublishAsync(BackofficeSession session) =>
        session.PostFormAsync(StaffPage, StaffPage + "/publish", []);

    private static Task<HttpResponseMessage> ClassifyAsync(BackofficeSession session, Comment comment, string stamp, Dictionary<string, string> fields) =>
        session.PostFormAsync($"/backoffice/feedback/notice/classify/{comment.Id}", $"/backoffice/feedback/notice/classify/{comment.Id}",
            new Dictionary<string, string>(fields) { ["Form.Stamp"] = stamp });

    private async Task<string> StampAsync(Comment comment) => (await InboxTestData.LoadAsync(portal, comment.Id)).ConcurrencyStamp.ToString();

    [Fact]
    public async Task A_notice_of_240_opinions_is_refused_while_any_lacks_something_and_then_lists_every_one_once_with_hidden_ones_counted_by_reason()
    {
        var (session, email) = await InboxTestData.LogInOfficerAsync(portal);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveSettingsAsync(session, string.Join("\n", GeneratedOpinions.Categories),
            "## 主な変更点\n\n- 第2章に「若者の参画」を加えました\n\n<script>alert(1)</script>")).StatusCode);

        var comments = await GeneratedOpinions.AddAsync(portal.Services, consultationId, 240);
        var considered = comments.Where(c => c.Status != CommentStatus.Hidden).ToList();
        Assert.Equal(228, considered.Count);

        // Four opinions lose one thing each: 分類, 反映状況, both, and 市の考え方.
        var (noCategory, noUptake, neither, noResponse) = (considered[3], considered[50], considered[120], considered[200]);
        await InboxTestData.WithFeedbackDbAsync(portal, async db =>
        {
            await db.Comments.Where(c => c.Id == noCategory.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.OpinionCategory, (string?)null));
            await db.Comments.Where(c => c.Id == noUptake.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Uptake, (OpinionUptake?)null));
            await db.Comments.Where(c => c.Id == neither.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Uptake, (OpinionUptake?)null).SetProperty(c => c.OpinionCategory, (string?)null));
            return await db.Comments.Where(c => c.Id == noResponse.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.CityResponse, (string?)null));
        });

        var refused = await PublishAsync(session);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var refusal = HtmlText.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("結果公示を公開できません", refusal.QuerySelector(".error-summary, [role=alert]")?.TextContent ?? refusal.Body!.TextContent);
        var listed = refusal.QuerySelectorAll(".notice-missing li").Select(li => HtmlText.Collapse(li.TextContent)).ToList();
        Assert.Equal(
        [
            $"{noCategory.ReceiptNumber}：分類がありません",
            $"{noUptake.ReceiptNumber}：反映状況がありません",
            $"{neither.ReceiptNumber}：分類・反映状況がありません",
            $"{noResponse.ReceiptNumber}：市の考え方がありません",
        ], listed);
        Assert.Equal(0, await InboxTestData.WithFeedbackDbAsync(portal, db => db.ResultNoticeVersions.CountAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient().GetAsync(NoticePath)).StatusCode);

        // One through the detail page's form, two in bulk, the 市の考え方 through the handling form.
        Assert.Equal(HttpStatusCode.Redirect, (await ClassifyAsync(session, noCategory, await StampAsync(noCategory), new()
        {
            ["Form.Category"] = GeneratedOpinions.Categories[1], ["Form.Uptake"] = "PartlyReflected", ["Form.Gist"] = "通学路を安全にしてほしいという意見",
        })).StatusCode);
        var bulk = await InboxTestData.PostPairsAsync(session, "/backoffice/feedback", "/backoffice/feedback/notice/bulk",
        [
            new("Bulk.Ids", noUptake.Id.ToString()), new("Bulk.Ids", neither.Id.ToString()),
            new("Bulk.Category", GeneratedOpinions.Categories[0]), new("Bulk.Uptake", "ForReference"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, bulk.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await InboxHandlingTests.SaveHandlingAsync(session, noResponse, new() { ["Handling.CityResponse"] = "ご意見を踏まえて検討します。" })).StatusCode);

        var published = await PublishAsync(session);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var audit = await InboxTestData.AuditAsync(portal);
        Assert.Contains(audit, a => a.Action == InboxAuditActions.NoticePublish && a.Target == Slug && a.Detail == "結果公示 第1版を公開（掲載228件、非表示12件）");
        Assert.Contains(audit, a => a.Action == InboxAuditActions.Classify && a.Target == noCategory.ReceiptNumber && a.Detail!.Contains("要旨（17文字）"));
        Assert.Contains(audit, a => a.Action == InboxAuditActions.Classify && a.Target == $"{noUptake.ReceiptNumber},{neither.ReceiptNumber}");
        Assert.Contains(audit, a => a.Action == InboxAuditActions.NoticeSettings);

        var stored = await InboxTestData.WithFeedbackDbAsync(portal, db => db.Comments.AsNoTracking().Where(c => c.ConsultationId == consultationId).ToListAsync());
        var (response, html) = await HtmlText.GetAsync(portal.CreateClient(), NoticePath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(html);

        // Every opinion that is not hidden, once, numbered 1…228, under its category with its gist or text.
        var items = page.QuerySelectorAll(".notice-opinion");
        Assert.Equal(228, items.Length);
        Assert.Equal(Enumerable.Range(1, 228).Select(n => n.ToString()), items.Select(i => i.GetAttribute("value")));
        foreach (var category in GeneratedOpinions.Categories)
        {
            var expected = stored.Count(c => c.Status != CommentStatus.Hidden && c.OpinionCategory == category);
            var heading = page.QuerySelectorAll(".notice-category h3").Single(h => h.TextContent.StartsWith(category + "（", StringComparison.Ordinal));
            Assert.Equal($"{category}（{expected}件）", heading.TextContent.Trim());
            Assert.Equal(expected, heading.ParentElement!.QuerySelectorAll(".notice-opinion").Length);
        }

        var shownTexts = items.Select(i => HtmlText.Collapse(i.QuerySelector("dd.notice-text")!.TextContent)).ToHashSet();
        Assert.All(stored.Where(c => c.Status != CommentStatus.Hidden), c => Assert.Contains(HtmlText.Collapse(c.Gist ?? c.Text), shownTexts));
        Assert.All(stored.Where(c => c.Status == CommentStatus.Hidden), c => Assert.DoesNotContain(HtmlText.Collapse(c.Text), html));
        Assert.DoesNotContain(comments[0].ReceiptNumber, html);

        // Hidden ones by reason, channels with their totals, the draft's date and changes (Markdown, no raw HTML).
        var hiddenTable = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent.StartsWith("載せなかった意見", StringComparison.Ordinal));
        Assert.Equal(
            GeneratedOpinions.HiddenReasons.Select(r => (r, stored.Count(c => c.HiddenReason == r).ToString())).OrderBy(r => r.r).ToList(),
            hiddenTable.QuerySelectorAll("tbody tr").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector("td")!.TextContent)).OrderBy(r => r.Item1).ToList());
        var channels = page.QuerySelectorAll("table").Single(t => t.QuerySelector("caption")!.TextContent == "受付経路別の意見の件数");
        foreach (var row in channels.QuerySelectorAll("tbody tr"))
        {
            var channel = Enum.GetValues<CommentChannel>().Single(c => FeedbackLabels.Of(c) == row.QuerySelector("th")!.TextContent);
            Assert.Equal(stored.Count(c => c.Channel == channel).ToString("N0"), row.QuerySelectorAll("td")[0].TextContent);
        }

        Assert.Equal(["240", "228", "12"], channels.QuerySelectorAll("tfoot td").Select(td => td.TextContent));
        var terms = InboxTestData.Terms(page.QuerySelector(".notice-terms")!);
        Assert.Equal("2026年9月15日", terms["案の公表日"]);
        Assert.Equal("240件（提出者 240人）", terms["提出された意見"]);
        var changes = page.QuerySelector(".notice-markdown")!;
        Assert.Equal("主な変更点", changes.QuerySelector("h2")!.TextContent);
        Assert.Null(changes.QuerySelector("script"));
        Assert.Contains("<script>", changes.TextContent);

        // CSV: BOM, one row per listed opinion, the same categories and 反映状況 as stored.
        var csv = await portal.CreateClient().GetAsync(NoticePath + "/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var rows = InboxExportTests.ParseCsv(await csv.Content.ReadAsByteArrayAsync());
        Assert.Equal(["番号", "分類", "分野", "受付経路", "意見（要旨）", "要旨か全文か", "市の考え方", "反映状況"], rows[0]);
        Assert.Equal(229, rows.Count);
        var byOpinion = stored.Where(c => c.Status != CommentStatus.Hidden).ToDictionary(c => c.Gist ?? c.Text);
        Assert.All(rows.Skip(1), row =>
        {
            var source = byOpinion[row[4]];
            Assert.Equal(source.OpinionCategory, row[1]);
            Assert.Equal(OpinionUptakeLabels.Of(source.Uptake!.Value), row[7]);
            Assert.Equal(source.CityResponse, row[6]);
            Assert.Equal(source.Gist is null ? "全文" : "要旨", row[5]);
        });

        // The print page: no site navigation, an A4 @page in its stylesheet.
        var print = HtmlText.Parse(await portal.CreateClient().GetStringAsync(NoticePath + "/print"));
        Assert.Null(print.QuerySelector(".site-header, .site-footer, nav[aria-label]:not(.notice-toc)"));
        Assert.Equal(228, print.QuerySelectorAll(".notice-opinion").Length);
        var css = await portal.CreateClient().GetStringAsync(print.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href"));
        Assert.Matches(@"@page\s*\{[^}]*size:\s*A4", css);

        // The results page now links the notice.
        var results = HtmlText.Parse(await portal.CreateClient().GetStringAsync($"/iken/{Slug}/results"));
        Assert.NotNull(results.QuerySelector($"a[href='{NoticePath}']"));
        Assert.NotNull(results.QuerySelector($"a[href='/iken/{Slug}/participation']"));

        // tests/Benchmarks/result-notice-sample.sh keeps what this test published, for people to read.
        if (Environment.GetEnvironmentVariable("RESULT_NOTICE_SAMPLE_DIR") is { Length: > 0 } sample)
        {
            Directory.CreateDirectory(sample);
            await File.WriteAllTextAsync(Path.Combine(sample, "kekka-koji.html"), html);
            await File.WriteAllTextAsync(Path.Combine(sample, "kekka-koji-print.html"), await portal.CreateClient().GetStringAsync(NoticePath + "/print"));
            await File.WriteAllBytesAsync(Path.Combine(sample, "kekka-koji.csv"), await (await portal.CreateClient().GetAsync(NoticePath + "/csv")).Content.ReadAsByteArrayAsync());
            await File.WriteAllTextAsync(Path.Combine(sample, "participation.html"), await portal.CreateClient().GetStringAsync($"/iken/{Slug}/participation"));
        }
    }

    [Fact]
    public async Task Publishing_again_without_a_change_adds_no_version_and_after_a_change_adds_a_dated_one_keeping_the_first_readable()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        await GeneratedOpinions.ConfigureNoticeAsync(portal.Services, consultationId, new DateOnly(2026, 9, 15), "");
        var comments = await GeneratedOpinions.AddAsync(portal.Services, consultationId, 30);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(session)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(session)).StatusCode);
        Assert.Equal(1, await InboxTestData.WithFeedbackDbAsync(portal, db => db.ResultNoticeVersions.CountAsync()));

        var changed = comments.First(c => c.Status != CommentStatus.Hidden);
        Assert.Equal(HttpStatusCode.Redirect, (await InboxHandlingTests.SaveHandlingAsync(session, changed, new() { ["Handling.CityResponse"] = "第2版で書き直した市の考え方です。" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PublishAsync(session)).StatusCode);

        var latest = await portal.CreateClient().GetStringAsync(NoticePath);
        Assert.Contains("第2版（", latest);
        Assert.Contains("第2版で書き直した市の考え方です。", latest);
        var first = await portal.CreateClient().GetStringAsync(NoticePath + "?version=1");
        Assert.Contains("これは以前の版です", first);
        Assert.DoesNotContain("第2版で書き直した市の考え方です。", first);
        Assert.Contains(changed.CityResponse!, first);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.CreateClient().GetAsync(NoticePath + "?version=3")).StatusCode);
        Assert.Equal(2, (await InboxTestData.AuditAsync(portal)).Count(a => a.Action == InboxAuditActions.NoticePublish));
    }

    [Fact]
    public async Task Classification_refuses_a_category_not_on_the_list_or_a_stale_page_in_Japanese_keeping_what_was_typed_and_storing_nothing()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        await GeneratedOpinions.ConfigureNoticeAsync(portal.Services, consultationId, new DateOnly(2026, 9, 15), "");
        var comment = await InboxTestData.AddCommentAsync(portal);

        // The detail page carries the form with the consultation's categories.
        var detail = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/feedback/{comment.Id}"));
        Assert.Equal(GeneratedOpinions.Categories, detail.QuerySelectorAll("#Form_Category option").Skip(1).Select(o => o.TextContent));

        var wrong = await ClassifyAsync(session, comment, await StampAsync(comment), new()
        {
            ["Form.Category"] = "一覧にない分類", ["Form.Uptake"] = "Reflected", ["Form.Gist"] = "入力した要旨",
        });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var page = HtmlText.Parse(await wrong.Content.ReadAsStringAsync());
        Assert.Contains("分類は一覧から選んでください", page.QuerySelector("#Form_Category")!.ParentElement!.TextContent);
        Assert.Equal("入力した要旨", page.QuerySelector("#Form_Gist")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[name='Form.Uptake'][value=Reflected][checked]"));

        var unknownUptake = await ClassifyAsync(session, comment, await StampAsync(comment), new() { ["Form.Uptake"] = "99" });
        Assert.Equal(HttpStatusCode.OK, unknownUptake.StatusCode);
        var uptakeError = HtmlText.Parse(await unknownUptake.Content.ReadAsStringAsync()).QuerySelector("input[name='Form.Uptake']")!.Closest("fieldset")!.QuerySelector(".field-error, [id$='-error']");
        Assert.NotNull(uptakeError);
        Assert.Equal("反映状況を一覧から選んでください。", uptakeError!.TextContent);

        var stale = await ClassifyAsync(session, comment, Guid.NewGuid().ToString(), new() { ["Form.Category"] = GeneratedOpinions.Categories[0], ["Form.Gist"] = "古い画面から" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("古い画面から", await stale.Content.ReadAsStringAsync());

        var bulkWrong = await InboxTestData.PostPairsAsync(session, "/backoffice/feedback", "/backoffice/feedback/notice/bulk",
            [new("Bulk.Ids", comment.Id.ToString()), new("Bulk.Category", "一覧にない分類")]);
        Assert.Equal(HttpStatusCode.Redirect, bulkWrong.StatusCode);
        Assert.Contains("何も変更していません", HtmlText.MainText(await session.Client.GetStringAsync(bulkWrong.Headers.Location!.OriginalString)));

        var stored = await InboxTestData.LoadAsync(portal, comment.Id);
        Assert.Null(stored.OpinionCategory);
        Assert.Null(stored.Uptake);
        Assert.Null(stored.Gist);
        Assert.DoesNotContain(await InboxTestData.AuditAsync(portal), a => a.Action == InboxAuditActions.Classify);
    }

    [Fact]
    public async Task Settings_with_an_unreadable_date_are_refused_in_Japanese_keeping_the_typed_categories_and_storing_nothing()
    {
        var (session, _) = await InboxTestData.LogInOfficerAsync(portal);
        var response = await session.PostFormAsync(StaffPage, StaffPage + "/settings", new()
        {
            ["Settings.Categories"] = "子育て・教育\nまちづくり",
            ["Settings.DraftPublishedOn"] = "2026-13-45",
            ["Settings.ChangesFromDraft"] = "変更点",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlText.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("案の公表日は、カレンダーから選ぶか 2026-09-15 の形で入力してください。", page.QuerySelector("#Settings_DraftPublishedOn-error")!.TextContent);
        Assert.Equal("子育て・教育\nまちづくり", page.QuerySelector("textarea[name='Settings.Categories']")!.TextContent.Trim());
        Assert.Equal(0, await InboxTestData.WithFeedbackDbAsync(portal, db => db.ResultNoticeSettings.CountAsync()));
    }
}
