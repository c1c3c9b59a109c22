using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Routing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Feedback.Inbox;

/// <summary>意見募集の設定 and 振り分けルール, as 総合計画担当 and 管理者 manage them.</summary>
public sealed class FeedbackAdminTests : IAsyncLifetime
{
    private readonly PortalFactory portal = new();
    private BackofficeSession session = null!;
    private string email = "";

    public async Task InitializeAsync() => (session, email) = await InboxTestData.LogInOfficerAsync(portal, BackofficeRoles.Administrator);

    public Task DisposeAsync()
    {
        portal.Dispose();
        return Task.CompletedTask;
    }

    private static Dictionary<string, string> YouthConsultation(bool isDefault = false) => new()
    {
        ["Form.Title"] = "若者会議への意見",
        ["Form.Slug"] = "wakamono-kaigi",
        ["Form.Description"] = "## 若者会議\n高校生・大学生の意見を聞きます。",
        ["Form.FieldsText"] = "通学・交通\r\n  遊び場・居場所  \r\n\r\n通学・交通\r\nしごと",
        ["Form.OpensAt"] = "2026-12-01T09:00",
        ["Form.ClosesAt"] = "2027-01-31T17:00",
        ["Form.StaffEmailsText"] = "Kikaku@Example.jp\nsogo@example.jp",
        ["Form.Notification"] = "DailyDigest",
        ["Form.RetentionDays"] = "30",
        ["Form.IsPublic"] = "false",
        ["Form.IsDefault"] = isDefault ? "true" : "false",
    };

    private Task<List<Consultation>> ConsultationsAsync() => InboxTestData.WithFeedbackDbAsync(portal, db => db.Consultations.AsNoTracking().OrderBy(c => c.Id).ToListAsync());

    private Task<List<RoutingRule>> RulesAsync() => InboxTestData.WithFeedbackDbAsync(portal, db => db.RoutingRules.AsNoTracking().OrderBy(r => r.Order).ToListAsync());

    [Fact]
    public async Task A_consultation_is_created_with_Japan_times_stored_as_UTC_lists_one_per_line_and_audited()
    {
        var response = await session.PostFormAsync("/backoffice/feedback/consultations/new", "/backoffice/feedback/consultations/new", YouthConsultation());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var created = (await ConsultationsAsync()).Single(c => c.Slug == "wakamono-kaigi");
        Assert.Equal("若者会議への意見", created.Title);
        Assert.Equal(["通学・交通", "遊び場・居場所", "しごと"], created.Fields);
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), created.OpensUtc);
        Assert.Equal(new DateTime(2027, 1, 31, 8, 0, 0, DateTimeKind.Utc), created.ClosesUtc);
        Assert.Equal(["kikaku@example.jp", "sogo@example.jp"], created.StaffEmails);
        Assert.Equal((NotificationMode.DailyDigest, 30, false, false), (created.Notification, created.PersonalDataRetentionDays, created.IsPublic, created.IsDefault));

        var entry = Assert.Single(await InboxTestData.AuditAsync(portal));
        Assert.Equal((InboxAuditActions.Consultation, "wakamono-kaigi", email), (entry.Action, entry.Target, entry.Actor));

        // The edit form shows the times back in Japan time.
        var edit = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/feedback/consultations/{created.Id}"));
        Assert.StartsWith("2026-12-01T09:00", edit.QuerySelector("#Form_OpensAt")!.GetAttribute("value"));
        Assert.StartsWith("2027-01-31T17:00", edit.QuerySelector("#Form_ClosesAt")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Making_a_consultation_the_default_takes_it_from_the_other_and_the_only_default_cannot_be_unset()
    {
        var seeded = (await ConsultationsAsync()).Single();
        await session.PostFormAsync("/backoffice/feedback/consultations/new", "/backoffice/feedback/consultations/new", YouthConsultation(isDefault: true));
        var all = await ConsultationsAsync();
        Assert.Equal(["wakamono-kaigi"], all.Where(c => c.IsDefault).Select(c => c.Slug));

        var youth = all.Single(c => c.Slug == "wakamono-kaigi");
        var unset = await session.PostFormAsync($"/backoffice/feedback/consultations/{youth.Id}", $"/backoffice/feedback/consultations/{youth.Id}", YouthConsultation(isDefault: false));
        Assert.Equal(HttpStatusCode.OK, unset.StatusCode);
        Assert.Contains("既定の意見募集は必ず1つ必要です", HtmlText.MainText(await unset.Content.ReadAsStringAsync()));
        Assert.True((await ConsultationsAsync()).Single(c => c.Id == youth.Id).IsDefault);
        Assert.False((await ConsultationsAsync()).Single(c => c.Id == seeded.Id).IsDefault);
    }

    [Fact]
    public async Task Consultation_mistakes_are_refused_in_Japanese()
    {
        var fields = YouthConsultation();
        fields["Form.Slug"] = "dai3ji-sogo-keikaku"; // the seeded one's
        fields["Form.ClosesAt"] = "2026-11-30T09:00";
        fields["Form.StaffEmailsText"] = "sogo@example.jp\nnot-an-address";
        fields["Form.RetentionDays"] = "0";
        var response = await session.PostFormAsync("/backoffice/feedback/consultations/new", "/backoffice/feedback/consultations/new", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = HtmlText.Collapse(HtmlText.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".error-summary")!.TextContent);
        Assert.Contains("このURLの名前はほかの意見募集が使っています", summary);
        Assert.Contains("受付終了は受付開始より後の日時にしてください", summary);
        Assert.Contains("「not-an-address」はメールアドレスの形になっていません", summary);
        Assert.Contains("1日から3,650日の間", summary);
        Assert.Single(await ConsultationsAsync());
    }

    [Fact]
    public async Task A_rule_is_added_last_edited_and_needs_at_least_one_condition()
    {
        var consultationId = (await ConsultationsAsync()).Single().Id;
        var goal = InboxTestData.FirstGoal(portal);
        var none = await session.PostFormAsync("/backoffice/feedback/routing/new", "/backoffice/feedback/routing/new", new()
        {
            ["Form.Name"] = "条件のないルール", ["Form.ConsultationId"] = consultationId.ToString(), ["Form.IsEnabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("条件（重点目標・部局・分野・キーワード）を1つ以上指定してください", HtmlText.MainText(await none.Content.ReadAsStringAsync()));

        var added = await session.PostFormAsync("/backoffice/feedback/routing/new", "/backoffice/feedback/routing/new", new()
        {
            ["Form.Name"] = "広報の目標で交通の話",
            ["Form.GoalDocumentId"] = goal.DocumentId.ToString(),
            ["Form.Keyword"] = "バス",
            ["Form.ConsultationId"] = consultationId.ToString(),
            ["Form.IsEnabled"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var rules = await RulesAsync();
        Assert.Equal(2, rules.Count);
        var rule = rules[1];
        Assert.Equal((2, "広報の目標で交通の話", goal.DocumentId, "バス", (string?)null, true), (rule.Order, rule.Name, rule.GoalDocumentId, rule.Keyword, rule.DepartmentSlug, rule.IsEnabled));

        var edited = await session.PostFormAsync($"/backoffice/feedback/routing/{rule.Id}", $"/backoffice/feedback/routing/{rule.Id}", new()
        {
            ["Form.Name"] = "政策企画部の交通の話",
            ["Form.DepartmentSlug"] = goal.DepartmentSlug,
            ["Form.Field"] = "土地利用・都市づくり",
            ["Form.ConsultationId"] = consultationId.ToString(),
            ["Form.IsEnabled"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        rule = (await RulesAsync())[1];
        Assert.Equal(("政策企画部の交通の話", (Guid?)null, goal.DepartmentSlug, "土地利用・都市づくり", (string?)null, false), (rule.Name, rule.GoalDocumentId, rule.DepartmentSlug, rule.Field, rule.Keyword, rule.IsEnabled));

        var list = HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/feedback/routing"));
        Assert.Contains($"部局「{goal.DepartmentName}」 かつ 分野「土地利用・都市づくり」", list);
        Assert.Equal(2, (await InboxTestData.AuditAsync(portal)).Count(a => a.Action == InboxAuditActions.Routing));
    }

    [Fact]
    public async Task Rules_are_reordered_switched_off_and_on_and_deleted_each_audited()
    {
        var consultationId = (await ConsultationsAsync()).Single().Id;
        foreach (var keyword in new[] { "バス", "図書館" })
        {
            await session.PostFormAsync("/backoffice/feedback/routing/new", "/backoffice/feedback/routing/new", new()
            {
                ["Form.Name"] = keyword + "の話", ["Form.Keyword"] = keyword, ["Form.ConsultationId"] = consultationId.ToString(), ["Form.IsEnabled"] = "true",
            });
        }

        var library = (await RulesAsync()).Single(r => r.Keyword == "図書館");
        var moved = await session.PostFormAsync("/backoffice/feedback/routing", $"/backoffice/feedback/routing/{library.Id}/move", new() { ["direction"] = "up" });
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(["seisaku-kikaku", "図書館", "バス"], (await RulesAsync()).Select(r => r.DepartmentSlug ?? r.Keyword));
        await session.PostFormAsync("/backoffice/feedback/routing", $"/backoffice/feedback/routing/{library.Id}/move", new() { ["direction"] = "up" });
        Assert.Equal([1, 2, 3], (await RulesAsync()).Select(r => r.Order));
        Assert.Equal("図書館", (await RulesAsync())[0].Keyword);

        await session.PostFormAsync("/backoffice/feedback/routing", $"/backoffice/feedback/routing/{library.Id}/enabled", new() { ["enabled"] = "false" });
        Assert.False((await RulesAsync()).Single(r => r.Id == library.Id).IsEnabled);
        Assert.Contains("有効にする", HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/feedback/routing")));
        await session.PostFormAsync("/backoffice/feedback/routing", $"/backoffice/feedback/routing/{library.Id}/enabled", new() { ["enabled"] = "true" });
        Assert.True((await RulesAsync()).Single(r => r.Id == library.Id).IsEnabled);

        // A comment the rule routed keeps its consultation when the rule goes.
        var routed = await InboxTestData.AddCommentAsync(portal, c => c.RoutingRuleId = library.Id);
        var deleted = await session.PostFormAsync($"/backoffice/feedback/routing/{library.Id}/delete", $"/backoffice/feedback/routing/{library.Id}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain(await RulesAsync(), r => r.Id == library.Id);
        var kept = await InboxTestData.LoadAsync(portal, routed.Id);
        Assert.Equal((routed.ConsultationId, (int?)null), (kept.ConsultationId, kept.RoutingRuleId));

        var details = (await InboxTestData.AuditAsync(portal)).Where(a => a.Action == InboxAuditActions.Routing).Select(a => a.Detail).ToList();
        Assert.Contains("ルール「図書館の話」の順番を2番目に変更", details);
        Assert.Contains("ルール「図書館の話」の順番を1番目に変更", details);
        Assert.Contains("ルール「図書館の話」を無効に変更", details);
        Assert.Contains("ルール「図書館の話」を有効に変更", details);
        Assert.Contains("ルール「図書館の話」を削除（本文に「図書館」を含む）", details);
    }
}
