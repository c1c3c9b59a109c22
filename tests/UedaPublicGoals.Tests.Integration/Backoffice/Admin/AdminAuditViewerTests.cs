using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Backoffice.Admin;

/// <summary>The audit log viewer: newest first, Japanese labels, filters (Tokyo dates) and paging.</summary>
public sealed class AdminAuditViewerTests : IDisposable
{
    private readonly AdminPortal portal = new();

    public void Dispose() => portal.Dispose();

    private async Task AddEntriesAsync(params AuditEntry[] entries)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync();
    }

    private static List<string> Rows(string html) =>
        HtmlText.Parse(html).QuerySelectorAll(".audit-table tbody tr").Select(r => HtmlText.Collapse(r.TextContent)).ToList();

    [Fact]
    public async Task Entries_are_listed_newest_first_with_Japanese_action_labels_and_Tokyo_times()
    {
        await AddEntriesAsync(
            new AuditEntry { Utc = new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc), Actor = "old@example.jp", Action = AuditActions.ContentPublish, Target = "goal:x", Detail = "古い記録" },
            new AuditEntry { Utc = new DateTime(2030, 1, 1, 3, 0, 0, DateTimeKind.Utc), Actor = "new@example.jp", Action = AuditActions.MediaUpload, Target = "media:y", Detail = "新しい記録" });
        var admin = await portal.AdminAsync();

        var rows = Rows(await admin.Client.GetStringAsync("/backoffice/audit"));

        Assert.StartsWith("2030年1月1日 12:00 new@example.jp 画像アップロード media:y 新しい記録", rows[0]);
        Assert.Equal("2024年4月1日 9:00 old@example.jp 公開 goal:x 古い記録", rows[^1]);
        Assert.Contains(rows, r => r.Contains("初期管理者作成"));
    }

    [Fact]
    public async Task Filters_by_action_actor_and_target_text()
    {
        await AddEntriesAsync(
            new AuditEntry { Utc = DateTime.UtcNow, Actor = "Kouhou@Example.jp", Action = AuditActions.ContentPublish, Target = "goal:11111111-1111-1111-1111-111111111111", Detail = "第2版を公開" },
            new AuditEntry { Utc = DateTime.UtcNow, Actor = "tantou@example.jp", Action = AuditActions.ContentSave, Target = "goal:22222222-2222-2222-2222-222222222222", Detail = "第3版を下書き保存" });
        var admin = await portal.AdminAsync();

        var byAction = Rows(await admin.Client.GetStringAsync($"/backoffice/audit?action={AuditActions.ContentPublish}"));
        Assert.Equal("公開", Assert.Single(byAction).Split(' ')[3]);

        var byActor = Rows(await admin.Client.GetStringAsync("/backoffice/audit?actor=kouhou"));
        Assert.Contains("Kouhou@Example.jp", Assert.Single(byActor));

        var byTarget = Rows(await admin.Client.GetStringAsync("/backoffice/audit?target=22222222"));
        Assert.Contains("下書き保存", Assert.Single(byTarget));

        var byDetail = Rows(await admin.Client.GetStringAsync("/backoffice/audit?target=" + Uri.EscapeDataString("第2版")));
        Assert.Single(byDetail);

        // A document target links to that document's history.
        var link = HtmlText.Parse(await admin.Client.GetStringAsync("/backoffice/audit?target=22222222")).QuerySelector(".audit-table a")!;
        Assert.Equal("/backoffice/documents/22222222-2222-2222-2222-222222222222/history", link.GetAttribute("href"));
    }

    [Fact]
    public async Task The_date_range_is_whole_days_in_Tokyo_time()
    {
        await AddEntriesAsync(
            new AuditEntry { Utc = new DateTime(2024, 3, 31, 14, 59, 0, DateTimeKind.Utc), Actor = "a@example.jp", Action = AuditActions.ContentSave, Detail = "3月31日 23:59" },
            new AuditEntry { Utc = new DateTime(2024, 3, 31, 15, 0, 0, DateTimeKind.Utc), Actor = "a@example.jp", Action = AuditActions.ContentSave, Detail = "4月1日 0:00" },
            new AuditEntry { Utc = new DateTime(2024, 4, 1, 14, 59, 0, DateTimeKind.Utc), Actor = "a@example.jp", Action = AuditActions.ContentSave, Detail = "4月1日 23:59" },
            new AuditEntry { Utc = new DateTime(2024, 4, 1, 15, 0, 0, DateTimeKind.Utc), Actor = "a@example.jp", Action = AuditActions.ContentSave, Detail = "4月2日 0:00" });
        var admin = await portal.AdminAsync();

        var rows = Rows(await admin.Client.GetStringAsync("/backoffice/audit?from=2024-04-01&to=2024-04-01"));

        Assert.Equal(2, rows.Count);
        Assert.EndsWith("4月1日 23:59", rows[0]);
        Assert.EndsWith("4月1日 0:00", rows[1]);
    }

    [Fact]
    public async Task A_bad_date_is_explained_in_Japanese()
    {
        var admin = await portal.AdminAsync();

        var html = await admin.Client.GetStringAsync("/backoffice/audit?from=2024-13-45&to=2024-01-01&page=x");

        var document = HtmlText.Parse(html);
        Assert.Equal("開始日は 2024-10-01 のように年-月-日で入力してください。", document.QuerySelector("#From-error")!.TextContent);
        Assert.Equal("true", document.QuerySelector("#From")!.GetAttribute("aria-invalid"));
        Assert.Empty(Rows(html));
        Assert.DoesNotContain("not valid", html); // the unreadable page number is not reported in English
        var reversed = HtmlText.Parse(await admin.Client.GetStringAsync("/backoffice/audit?from=2024-05-01&to=2024-04-01"));
        Assert.Equal("終了日は開始日と同じか、それより後の日にしてください。", reversed.QuerySelector("#To-error")!.TextContent);
    }

    [Fact]
    public async Task Long_logs_are_paged_and_the_filter_survives_paging()
    {
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await AddEntriesAsync(Enumerable.Range(1, 120).Select(i => new AuditEntry
        {
            Utc = start.AddMinutes(i),
            Actor = "bulk@example.jp",
            Action = AuditActions.ContentSave,
            Detail = $"記録{i:000}",
        }).ToArray());
        var admin = await portal.AdminAsync();

        var first = await admin.Client.GetStringAsync("/backoffice/audit?actor=bulk");
        Assert.Equal(50, Rows(first).Count);
        Assert.EndsWith("記録120", Rows(first)[0]);
        Assert.Contains("全120件中 1〜50件目", HtmlText.MainText(first));
        var next = HtmlText.Parse(first).QuerySelector("a[rel=next]")!.GetAttribute("href");
        Assert.Equal("/backoffice/audit?actor=bulk&page=2", next);

        var third = await admin.Client.GetStringAsync("/backoffice/audit?actor=bulk&page=3");
        Assert.Equal(20, Rows(third).Count);
        Assert.EndsWith("記録001", Rows(third)[^1]);
        Assert.Null(HtmlText.Parse(third).QuerySelector("a[rel=next]"));
    }

    [Theory]
    [InlineData(BackofficeRoles.PublicRelations)]
    [InlineData(BackofficeRoles.DepartmentAuthor)]
    [InlineData(BackofficeRoles.PlanningOfficer)]
    public async Task Only_administrators_read_the_audit_log(string role)
    {
        var session = await portal.SessionAsync(role, await portal.SeisakuKikakuIdAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync("/backoffice/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.Client.GetAsync("/backoffice/audit?action=account.login")).StatusCode);
    }
}
