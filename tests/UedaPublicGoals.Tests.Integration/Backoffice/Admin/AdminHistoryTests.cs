using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>Version history, field-by-field comparison and rollback, through the real pipeline.</summary>
public sealed class AdminHistoryTests : IDisposable
{
    private const string OriginalTarget = "記事内容の充実及び読みやすさの工夫";
    private const string EditedTarget = "記事を毎号10本以上掲載する <b>太字</b> & \"引用\"";

    private readonly AdminPortal portal = new();

    public void Dispose() => portal.Dispose();

    /// <summary>Version 2 of koho: a new 数値目標 for ①(1), published.</summary>
    private async Task<Guid> PublishEditedKohoAsync()
    {
        var id = portal.GoalId("koho");
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(id);
            draft.Initiatives[0].Measures[0].Target = EditedTarget;
            await store.SaveDraftAsync(id, draft, "kouhou@example.jp", note: "数値目標を具体化");
            await store.PublishAsync(id, "kouhou@example.jp");
        });
        return id;
    }

    [Fact]
    public async Task The_history_lists_every_version_with_author_time_note_and_state()
    {
        var id = await PublishEditedKohoAsync();
        var session = await portal.AdminAsync();

        var (response, html) = await HtmlText.GetAsync(session.Client, $"/backoffice/documents/{id}/history");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = HtmlText.Parse(html).QuerySelectorAll(".history-table tbody tr").Select(r => HtmlText.Collapse(r.TextContent)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith("第2版", rows[0]);
        Assert.Contains("公開中", rows[0]);
        Assert.Contains("最新の下書き", rows[0]);
        Assert.Contains("kouhou@example.jp", rows[0]);
        Assert.Contains("数値目標を具体化", rows[0]);
        Assert.StartsWith("第1版", rows[1]);
        Assert.Contains("content-seed", rows[1]);
        Assert.Contains("初版", rows[1]);
        Assert.DoesNotContain("公開中", rows[1]);
    }

    [Fact]
    public async Task Times_are_shown_in_Tokyo_time()
    {
        var id = portal.GoalId("koho");
        DateTime createdUtc = default;
        await portal.WithStoreAsync(async (store, _) => createdUtc = (await store.ListVersionsAsync(id)).Single().CreatedUtc);
        var tokyo = TimeZoneInfo.ConvertTimeFromUtc(createdUtc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));

        var session = await portal.AdminAsync();
        var text = HtmlText.MainText(await session.Client.GetStringAsync($"/backoffice/documents/{id}/history"));

        Assert.Contains($"{tokyo.Year}年{tokyo.Month}月{tokyo.Day}日 {tokyo:H:mm}", text);
    }

    [Fact]
    public async Task The_comparison_shows_the_changed_field_under_its_Japanese_path_escaped()
    {
        var id = await PublishEditedKohoAsync();
        var session = await portal.AdminAsync();

        var (response, html) = await HtmlText.GetAsync(session.Client, $"/backoffice/documents/{id}/history/compare?from=1&to=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlText.Parse(html);
        var difference = Assert.Single(document.QuerySelectorAll(".diff"));
        Assert.Equal("取組項目① > (1) > 数値目標 変更", HtmlText.Collapse(difference.QuerySelector(".diff__path")!.TextContent));
        Assert.Equal(OriginalTarget, HtmlText.Collapse(difference.QuerySelector(".diff__before")!.TextContent));
        Assert.Equal(EditedTarget, HtmlText.Collapse(difference.QuerySelector(".diff__after")!.TextContent));
        Assert.Empty(difference.QuerySelectorAll("b"));
        Assert.Contains("&lt;b&gt;太字&lt;/b&gt;", html);
        Assert.NotEmpty(difference.QuerySelectorAll(".diff__after ins"));
    }

    [Fact]
    public async Task Rollback_saves_the_old_values_as_a_new_draft_and_publishing_shows_them()
    {
        var id = await PublishEditedKohoAsync();
        var publicClient = portal.CreatePublicClient();
        Assert.Contains(EditedTarget, HtmlText.MainText(await publicClient.GetStringAsync("/seisaku-kikaku/r6/koho/")));

        var session = await portal.AdminAsync();
        var response = await session.PostFormAsync($"/backoffice/documents/{id}/history/1", $"/backoffice/documents/{id}/history/1/rollback",
            new() { ["concurrencyStamp"] = await StampAsync(id) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // A new version 3 holds version 1's content; versions 1 and 2 are untouched.
        await portal.WithStoreAsync(async (store, db) =>
        {
            var document = (await store.FindAsync(id))!;
            Assert.Equal(3, document.DraftVersion);
            Assert.Equal(2, document.PublishedVersion);
            var versions = await db.Versions.Where(v => v.DocumentId == id).OrderBy(v => v.Number).ToListAsync();
            Assert.Equal(3, versions.Count);
            Assert.Equal(versions[0].Json, versions[2].Json);
            Assert.Contains(EditedTarget.Replace("\"", "\\\"", StringComparison.Ordinal), versions[1].Json);
            Assert.Equal("第1版に戻す", versions[2].Note);
            Assert.Equal(PortalFactory.AdminEmail, versions[2].CreatedBy);
            Assert.Equal(OriginalTarget, (await store.GetDraftAsync<GoalContent>(id)).Initiatives[0].Measures[0].Target);
        });

        // The public site still shows the published version 2 until someone publishes.
        Assert.Contains(EditedTarget, HtmlText.MainText(await publicClient.GetStringAsync("/seisaku-kikaku/r6/koho/")));
        await portal.WithStoreAsync((store, _) => store.PublishAsync(id, "kouhou@example.jp"));
        var published = HtmlText.MainText(await publicClient.GetStringAsync("/seisaku-kikaku/r6/koho/"));
        Assert.Contains(OriginalTarget, published);
        Assert.DoesNotContain("毎号10本以上", published);

        var audit = await portal.AuditAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.ContentRollback && a.Target == $"goal:{id}" && a.Actor == PortalFactory.AdminEmail);
    }

    [Fact]
    public async Task Rollback_from_a_stale_page_is_refused_and_adds_no_version()
    {
        var id = await PublishEditedKohoAsync();
        var session = await portal.AdminAsync();
        var staleStamp = await StampAsync(id);
        await portal.WithStoreAsync(async (store, _) => await store.SaveDraftAsync(id, await store.GetDraftAsync<GoalContent>(id), "someone-else@example.jp"));

        var response = await session.PostFormAsync($"/backoffice/documents/{id}/history/1", $"/backoffice/documents/{id}/history/1/rollback",
            new() { ["concurrencyStamp"] = staleStamp });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = HtmlText.MainText(await session.Client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Contains("ほかの人がこの文書を保存しました", page);
        await portal.WithStoreAsync(async (store, _) => Assert.Equal(3, (await store.FindAsync(id))!.DraftVersion));
        Assert.DoesNotContain(await portal.AuditAsync(), a => a.Action == AuditActions.ContentRollback);
    }

    [Fact]
    public async Task The_version_page_lists_every_field_and_what_a_rollback_would_change()
    {
        var id = await PublishEditedKohoAsync();
        var session = await portal.AdminAsync();

        var document = HtmlText.Parse(await session.Client.GetStringAsync($"/backoffice/documents/{id}/history/1"));

        var fields = document.QuerySelectorAll(".snapshot-fields dt").Select(dt => dt.TextContent).ToList();
        Assert.Contains("重点目標", fields);
        Assert.Contains("取組項目① > (3) > 指標「LINE友だち登録者数」 > 基準値", fields);
        var difference = Assert.Single(document.QuerySelectorAll(".diff"));
        Assert.Contains("取組項目① > (1) > 数値目標", difference.TextContent);
        Assert.NotNull(document.QuerySelector($"form[action='/backoffice/documents/{id}/history/1/rollback'] input[name=__RequestVerificationToken]"));
    }

    [Fact]
    public async Task A_department_author_sees_the_history_of_their_own_departments_goals_only()
    {
        var (otherDepartment, otherGoal) = await portal.AddDepartmentWithGoalAsync();
        var session = await portal.SessionAsync(BackofficeRoles.DepartmentAuthor, otherDepartment);

        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync($"/backoffice/documents/{otherGoal}/history")).StatusCode);
        var koho = portal.GoalId("koho");
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync($"/backoffice/documents/{koho}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync($"/backoffice/documents/{koho}/history/1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync($"/backoffice/documents/{koho}/history/compare?from=1&to=1")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync($"/backoffice/documents/{portal.PageId("about")}/history")).StatusCode);

        // The rollback POST is checked too, not only the pages that show its button.
        var token = await session.AntiforgeryTokenAsync($"/backoffice/documents/{otherGoal}/history/1");
        var rollback = await session.Client.PostAsync($"/backoffice/documents/{koho}/history/1/rollback",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["concurrencyStamp"] = await StampAsync(koho) }));
        Assert.Equal(HttpStatusCode.Forbidden, rollback.StatusCode);
    }

    [Fact]
    public async Task An_unknown_document_or_version_is_404()
    {
        var session = await portal.AdminAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/backoffice/documents/{Guid.NewGuid()}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await session.Client.GetAsync($"/backoffice/documents/{portal.GoalId("koho")}/history/99")).StatusCode);
    }

    private async Task<string> StampAsync(Guid id)
    {
        var stamp = Guid.Empty;
        await portal.WithStoreAsync(async (store, _) => stamp = (await store.FindAsync(id))!.ConcurrencyStamp);
        return stamp.ToString();
    }
}
