using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>
/// The administration pages' queries (correlated counts, list filters, bulk deletes,
/// case-insensitive search) on a real PostgreSQL server, not only on SQLite.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AdminPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task Structure_recycle_bin_history_users_audit_and_media_work_on_PostgreSQL()
    {
        using var portal = new AdminPortal { PostgresConnectionString = postgres.SeededConnectionStringFor("portal_admin") };
        var admin = await portal.AdminAsync();
        var publicClient = portal.CreatePublicClient();
        var kohoId = portal.GoalId("koho");
        var departmentId = await portal.SeisakuKikakuIdAsync();

        // History and comparison.
        await portal.WithStoreAsync(async (store, _) =>
        {
            var draft = await store.GetDraftAsync<GoalContent>(kohoId);
            draft.Initiatives[1].Measures[0].Target = "PostgreSQLで変更した数値目標";
            await store.SaveDraftAsync(kohoId, draft, "kouhou@example.jp");
        });
        var compare = HtmlText.MainText(await admin.Client.GetStringAsync($"/backoffice/documents/{kohoId}/history/compare?from=1&to=2"));
        Assert.Contains("取組項目② > (1) > 数値目標", compare);

        // Structure: rename with redirects, reorder.
        await admin.PostFormAsync($"/backoffice/structure/departments/{departmentId}", $"/backoffice/structure/departments/{departmentId}",
            new() { ["Name"] = "政策企画部", ["Slug"] = "kikaku" });
        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync("/kikaku/r6/koho/")).StatusCode);
        Assert.Equal("/kikaku/r6/koho/", await portal.QueryAsync(db => db.Redirects.Where(r => r.FromPath == "/seisaku-kikaku/r6/koho/").Select(r => r.ToPath).SingleAsync()));
        await admin.PostFormAsync("/backoffice/structure", $"/backoffice/structure/documents/{portal.PageId("privacy")}/move", new() { ["direction"] = "Up" });

        // Recycle bin: a goal, then its department; the listing counts what is inside.
        await admin.PostFormAsync("/backoffice/structure", $"/backoffice/structure/documents/{kohoId}/delete", []);
        await admin.PostFormAsync("/backoffice/structure", $"/backoffice/structure/departments/{departmentId}/delete", []);
        Assert.Equal(HttpStatusCode.NotFound, (await publicClient.GetAsync("/kikaku/r6/smart-city/")).StatusCode);
        var bin = HtmlText.MainText(await admin.Client.GetStringAsync("/backoffice/recycle-bin"));
        Assert.Contains("年度1件・重点目標3件を含む", bin);
        await admin.PostFormAsync("/backoffice/recycle-bin", "/backoffice/recycle-bin/restore", new() { ["kind"] = "Department", ["id"] = departmentId.ToString() });
        Assert.Equal(HttpStatusCode.OK, (await publicClient.GetAsync("/kikaku/r6/smart-city/")).StatusCode);

        // Media upload, then emptying the bin removes the goal (with versions) and the image.
        var token = await admin.AntiforgeryTokenAsync("/backoffice/media");
        using (var upload = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("城の写真"), "AltText" } })
        {
            var file = new ByteArrayContent(TestImages.Jpeg(16, 16));
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            upload.Add(file, "File", "shiro.jpg");
            Assert.Equal(HttpStatusCode.Redirect, (await admin.Client.PostAsync("/backoffice/media", upload)).StatusCode);
        }

        var mediaId = await portal.QueryAsync(db => db.Media.Select(m => m.Id).SingleAsync());
        await admin.PostFormAsync("/backoffice/media", $"/backoffice/media/{mediaId}/delete", []);
        await admin.PostFormAsync("/backoffice/recycle-bin/empty", "/backoffice/recycle-bin/empty", []);
        Assert.False(await portal.QueryAsync(db => db.Versions.AnyAsync(v => v.DocumentId == kohoId)));
        Assert.False(await portal.QueryAsync(db => db.Media.AnyAsync()));

        // Users: create one, list them.
        var created = await admin.PostFormAsync("/backoffice/users/new", "/backoffice/users/new", new()
        {
            ["Email"] = "Tantou@Example.jp",
            ["DisplayName"] = "部局の担当者",
            ["Role"] = BackofficeRoles.DepartmentAuthor,
            ["DepartmentIds"] = departmentId.ToString(),
            ["PasswordChoice"] = "Generate",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("政策企画部", HtmlText.MainText(await admin.Client.GetStringAsync("/backoffice/users")));

        // Audit filters: case-insensitive text and Tokyo dates.
        var today = TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).ToString("yyyy-MM-dd");
        var audit = HtmlText.MainText(await admin.Client.GetStringAsync($"/backoffice/audit?target=tantou@example.JP&from={today}&to={today}"));
        Assert.Contains("ユーザー作成", audit);
        Assert.Contains("全1件中", audit);
    }
}
