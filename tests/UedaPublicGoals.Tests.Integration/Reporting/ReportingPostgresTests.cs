using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Reporting;

/// <summary>
/// The 報告状況 query (draft and published versions joined on the document's pointers) and the reminder
/// claim (the unique index that makes a reminder go out once, even when two nodes' passes race) on a real
/// PostgreSQL server.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReportingPostgresTests(PostgresServer postgres)
{
    [Fact]
    public async Task Two_racing_reminder_passes_send_each_reminder_once_and_the_status_page_reads_the_same()
    {
        await using var smtp = new SmtpTestServer();
        using var portal = new CyclePortal("2024-11-01T09:00", smtp) { PostgresConnectionString = postgres.SeededConnectionStringFor("portal_reporting_cycle") };
        var department = await EditorPages.SeisakuKikakuIdAsync(portal);
        var author = await BackofficeSession.LogInAsync(portal, await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, "pg-tantou@example.jp", department));
        await portal.WriteReportAsync("koho", midterm: true, publish: true);
        await portal.RequestApprovalAsync(author, portal.Goal("gakuen-toshi"));
        Assert.False(smtp.TryTake(out _)); // no 広報 account here: the request mails nobody
        var page = HtmlText.Parse(await author.Client.GetStringAsync("/backoffice/reporting/2024"));
        var midterm = page.QuerySelectorAll("tr.reporting-goal").ToDictionary(r => Guid.Parse(r.GetAttribute("data-document")!), r => HtmlText.Collapse(r.QuerySelector("td[data-report=Midterm]")!.TextContent));
        Assert.StartsWith("公開済み", midterm[portal.Goal("koho")], StringComparison.Ordinal);
        Assert.StartsWith("承認待ち", midterm[portal.Goal("gakuen-toshi")], StringComparison.Ordinal);
        Assert.StartsWith("未着手 ⚠ 期限（2024年10月）を過ぎています", midterm[portal.Goal("smart-city")], StringComparison.Ordinal);

        var passes = await Task.WhenAll(portal.RunRemindersAsync(), portal.RunRemindersAsync());
        Assert.Equal(2, passes.Sum(p => p.Count)); // sogo-keikaku and smart-city: koho is published, gakuen-toshi waits for 広報
        Assert.Equal(2, await EditorPages.InDatabaseAsync(portal, db => db.SentReminders.CountAsync()));
        await smtp.NextAsync(TimeSpan.FromSeconds(20));
        await smtp.NextAsync(TimeSpan.FromSeconds(20));
        Assert.False(smtp.TryTake(out _));
        Assert.Empty(await portal.RunRemindersAsync());
    }
}
