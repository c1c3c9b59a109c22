using System.Net;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>Deleting to the recycle bin takes things off the public site at once; restoring brings them back in place.</summary>
public sealed class AdminRecycleBinTests : IDisposable
{
    private const string KohoUrl = "/seisaku-kikaku/r6/koho/";

    private readonly AdminPortal portal = new();

    public void Dispose() => portal.Dispose();

    private static Task<HttpResponseMessage> PostAsync(BackofficeSession session, string action, Dictionary<string, string>? fields = null) =>
        session.PostFormAsync("/backoffice/structure", action, fields ?? []);

    private static async Task<HttpResponseMessage> RestoreAsync(BackofficeSession session, string kind, string id) =>
        await session.PostFormAsync("/backoffice/recycle-bin", "/backoffice/recycle-bin/restore", new() { ["kind"] = kind, ["id"] = id });

    [Fact]
    public async Task A_deleted_goal_is_gone_from_the_public_site_at_once_and_a_restore_brings_it_back()
    {
        var publicClient = portal.CreatePublicClient();
        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync(KohoUrl)).StatusCode);
        Assert.Contains(KohoUrl, await publicClient.GetStringAsync("/seisaku-kikaku/r6/")); // now in the output cache
        var id = portal.GoalId("koho");
        var session = await portal.AdminAsync();

        var deleted = await PostAsync(session, $"/backoffice/structure/documents/{id}/delete");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.GetAsync(KohoUrl)).StatusCode);
        Assert.DoesNotContain(KohoUrl, await publicClient.GetStringAsync("/seisaku-kikaku/r6/"));

        var bin = HtmlText.Parse(await session.Client.GetStringAsync("/backoffice/recycle-bin"));
        var row = HtmlText.Collapse(Assert.Single(bin.QuerySelectorAll(".bin-table tbody tr")).TextContent);
        Assert.Contains("重点目標", row);
        Assert.Contains("総合的・効果的な情報発信と市民と行政が結ばれる、つながる広報の推進", row);
        Assert.Contains("政策企画部 > 令和6年度 重点目標", row);
        Assert.Contains(PortalFactory.AdminEmail, row);

        var restored = await RestoreAsync(session, "Goal", id.ToString());

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync(KohoUrl)).StatusCode);
        Assert.Contains(KohoUrl, await publicClient.GetStringAsync("/seisaku-kikaku/r6/"));
        Assert.Contains("ごみ箱は空です", HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/recycle-bin")));

        var audit = await portal.AuditAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.ContentDelete && a.Target == $"goal:{id}");
        Assert.Contains(audit, a => a.Action == AuditActions.ContentRestore && a.Target == $"goal:{id}");
    }

    [Fact]
    public async Task A_deleted_department_takes_its_years_and_goals_off_the_site_until_restored()
    {
        var publicClient = portal.CreatePublicClient();
        Assert.Contains("政策企画部", HtmlText.MainText(await publicClient.GetStringAsync("/")));
        var departmentId = await portal.SeisakuKikakuIdAsync();
        var session = await portal.AdminAsync();

        await PostAsync(session, $"/backoffice/structure/departments/{departmentId}/delete");

        foreach (var path in new[] { "/seisaku-kikaku/", "/seisaku-kikaku/r6/", KohoUrl, "/seisaku-kikaku/r6/smart-city/" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await publicClient.GetAsync(path)).StatusCode);
        }

        Assert.DoesNotContain("政策企画部", HtmlText.MainText(await publicClient.GetStringAsync("/")));
        var row = HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/recycle-bin"));
        Assert.Contains("年度1件・重点目標4件を含む", row);

        await RestoreAsync(session, "Department", departmentId.ToString());

        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync(KohoUrl)).StatusCode);
        Assert.Contains("政策企画部", HtmlText.MainText(await publicClient.GetStringAsync("/")));
    }

    [Fact]
    public async Task A_goal_whose_year_is_in_the_bin_waits_for_the_year_to_be_restored_first()
    {
        var goalId = portal.GoalId("koho");
        var yearId = await portal.QueryAsync(db => db.FiscalYears.Where(y => y.Slug == "r6" && y.Department!.Slug == "seisaku-kikaku").Select(y => y.Id).SingleAsync());
        var session = await portal.AdminAsync();
        await PostAsync(session, $"/backoffice/structure/documents/{goalId}/delete");
        await PostAsync(session, $"/backoffice/structure/years/{yearId}/delete");

        var bin = HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/recycle-bin"));
        Assert.Contains("先に「政策企画部 令和6年度 重点目標」を元に戻してください。", bin);
        var refused = await RestoreAsync(session, "Goal", goalId.ToString());
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("先に年度を元に戻してください", HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/recycle-bin")));
        Assert.Null(await portal.QueryAsync(db => db.Documents.Where(d => d.Id == goalId).Select(d => d.DeletedUtc == null ? "restored" : null).SingleAsync()));

        await RestoreAsync(session, "FiscalYear", yearId.ToString());
        var publicClient = portal.CreatePublicClient();
        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync("/seisaku-kikaku/r6/smart-city/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.GetAsync(KohoUrl)).StatusCode); // deleted on its own before the year

        await RestoreAsync(session, "Goal", goalId.ToString());
        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync(KohoUrl)).StatusCode);
    }

    [Fact]
    public async Task A_deleted_page_answers_404()
    {
        var publicClient = portal.CreatePublicClient();
        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync("/pages/privacy")).StatusCode);
        var session = await portal.AdminAsync();

        await PostAsync(session, $"/backoffice/structure/documents/{portal.PageId("privacy")}/delete");

        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.GetAsync("/pages/privacy")).StatusCode);
        Assert.DoesNotContain("/pages/privacy", await publicClient.GetStringAsync("/"));
    }

    [Fact]
    public async Task Emptying_the_bin_deletes_for_good_with_all_versions_and_keeps_the_audit_trail()
    {
        var (departmentId, otherGoal) = await portal.AddDepartmentWithGoalAsync();
        var kohoId = portal.GoalId("koho");
        var session = await portal.AdminAsync();
        await PostAsync(session, $"/backoffice/structure/documents/{kohoId}/delete");
        await PostAsync(session, $"/backoffice/structure/departments/{departmentId}/delete");

        var confirm = HtmlText.MainText(await session.Client.GetStringAsync("/backoffice/recycle-bin/empty"));
        Assert.Contains("元に戻せません", confirm);
        Assert.Contains("健康こども未来部", confirm);
        var emptied = await session.PostFormAsync("/backoffice/recycle-bin/empty", "/backoffice/recycle-bin/empty", []);
        Assert.Equal(HttpStatusCode.Redirect, emptied.StatusCode);

        await portal.QueryAsync(async db =>
        {
            Assert.False(await db.Documents.AnyAsync(d => d.Id == kohoId || d.Id == otherGoal));
            Assert.False(await db.Versions.AnyAsync(v => v.DocumentId == kohoId || v.DocumentId == otherGoal));
            Assert.False(await db.Departments.AnyAsync(d => d.Id == departmentId));
            Assert.False(await db.FiscalYears.AnyAsync(y => y.DepartmentId == departmentId));
            Assert.True(await db.Documents.AnyAsync(d => d.Slug == "smart-city")); // not in the bin: untouched
            return 0;
        });
        var audit = await portal.AuditAsync();
        Assert.Contains(audit, a => a.Action == AuditActions.ContentDelete && a.Target == $"goal:{kohoId}" && a.Detail!.Contains("完全に削除"));
        Assert.Contains(audit, a => a.Action == AuditActions.ContentDelete && a.Target == $"department:{departmentId}" && a.Detail!.Contains("完全に削除"));
        Assert.Contains(audit, a => a.Action == AuditActions.ContentDelete && a.Target == $"goal:{kohoId}" && a.Detail == "ごみ箱へ移動");
    }

    [Fact]
    public async Task Only_administrators_empty_the_bin_and_department_authors_cannot_use_it()
    {
        var kohoId = portal.GoalId("koho");
        var publicRelations = await portal.SessionAsync(BackofficeRoles.PublicRelations);
        await PostAsync(publicRelations, $"/backoffice/structure/documents/{kohoId}/delete");

        Assert.Equal(HttpStatusCode.OK, (await publicRelations.Client.GetAsync("/backoffice/recycle-bin")).StatusCode);
        Assert.DoesNotContain("ごみ箱を空にする…", HtmlText.MainText(await publicRelations.Client.GetStringAsync("/backoffice/recycle-bin")));
        Assert.Equal(HttpStatusCode.Forbidden, (await publicRelations.Client.GetAsync("/backoffice/recycle-bin/empty")).StatusCode);
        var token = await publicRelations.AntiforgeryTokenAsync("/backoffice/recycle-bin");
        var empty = await publicRelations.Client.PostAsync("/backoffice/recycle-bin/empty", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, empty.StatusCode);
        Assert.True(await portal.QueryAsync(db => db.Documents.AnyAsync(d => d.Id == kohoId)));

        var author = await portal.SessionAsync(BackofficeRoles.DepartmentAuthor, await portal.SeisakuKikakuIdAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync("/backoffice/recycle-bin")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await author.Client.GetAsync("/backoffice/recycle-bin/empty")).StatusCode);
        var authorToken = await author.AntiforgeryTokenAsync("/backoffice/account/password");
        var authorEmpty = await author.Client.PostAsync("/backoffice/recycle-bin/empty", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = authorToken }));
        Assert.Equal(HttpStatusCode.Forbidden, authorEmpty.StatusCode);
        var authorDelete = await author.Client.PostAsync($"/backoffice/structure/documents/{portal.GoalId("smart-city")}/delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = authorToken }));
        Assert.Equal(HttpStatusCode.Forbidden, authorDelete.StatusCode);
    }
}
