using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Reporting;
using UedaPublicGoals.Reporting.Reminders;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Reporting;

/// <summary>
/// Reminders to the department's 部局担当, through MailKit to a real SMTP listener on loopback: N days
/// before the end of the due month, when overdue, repeated at most every interval, never twice.
/// </summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private readonly SmtpTestServer smtp = new();
    private CyclePortal portal = null!;
    private string author = "";

    public async Task InitializeAsync()
    {
        // 中間報告 of 令和6年度 is due by 31 October 2024; 14 days before is 17 October.
        portal = new CyclePortal("2024-10-17T08:59", smtp, daysBefore: 14, overdueRepeatDays: 7);
        var department = await EditorPages.SeisakuKikakuIdAsync(portal);
        author = await BackofficeSession.CreateUserAsync(portal, BackofficeRoles.DepartmentAuthor, "tantou@example.jp", department);
    }

    public async Task DisposeAsync()
    {
        portal.Dispose();
        await smtp.DisposeAsync();
    }

    private async Task<List<ReceivedMail>> ReceivedAsync(int count)
    {
        var mails = new List<ReceivedMail>();
        for (var i = 0; i < count; i++)
        {
            mails.Add(await smtp.NextAsync(TimeSpan.FromSeconds(20)));
        }

        Assert.False(smtp.TryTake(out _), "more e-mail arrived than expected");
        return mails;
    }

    [Fact]
    public async Task The_days_before_reminder_goes_to_the_departments_authors_once_at_the_japan_time_hour()
    {
        // Before 9:00 in Japan nothing goes out, though the day has come.
        Assert.Empty(await portal.RunRemindersAsync());
        portal.Clock.SetJapanTime("2024-10-16T12:00");
        Assert.Empty(await portal.RunRemindersAsync()); // 15 days before: not yet

        portal.Clock.SetJapanTime("2024-10-17T09:00");
        var sent = await portal.RunRemindersAsync();
        Assert.Equal(4, sent.Count);
        Assert.All(sent, r => Assert.Equal((ReportKind.Midterm, ReminderKind.BeforeDue, 0), (r.Report, r.Kind, r.Round)));

        var mails = await ReceivedAsync(4);
        Assert.All(mails, m => Assert.Equal([author], m.Recipients));
        var koho = mails.Select(m => m.Parse()).Single(m => m.Subject!.Contains("つながる広報", StringComparison.Ordinal));
        Assert.Equal("【報告のお願い】総合的・効果的な情報発信と市民と行政が結ばれる、つながる広報の推進：中間報告（2024年10月末まで）", koho.Subject);
        var text = koho.TextBody;
        Assert.Contains("中間報告の期限（2024年10月末）まで、あと14日です。", text, StringComparison.Ordinal);
        Assert.Contains("部局：政策企画部", text, StringComparison.Ordinal);
        Assert.Contains("年度：令和6年度", text, StringComparison.Ordinal);
        Assert.Contains("報告：中間報告（予定 2024年10月）", text, StringComparison.Ordinal);
        Assert.Contains($"編集画面：https://goals.example.jp/backoffice/goals/{portal.Goal("koho")}", text, StringComparison.Ordinal);

        // Later the same day, the next day, on another pass: not again.
        Assert.Empty(await portal.RunRemindersAsync());
        portal.Clock.SetJapanTime("2024-10-25T10:00");
        Assert.Empty(await portal.RunRemindersAsync());
        Assert.False(smtp.TryTake(out _));

        var audit = await EditorPages.InDatabaseAsync(portal, db => db.AuditEntries.Where(a => a.Action == AuditActions.ReportReminder).ToListAsync());
        Assert.Equal(4, audit.Count);
        Assert.All(audit, a => Assert.Equal("system", a.Actor));
        Assert.Contains(audit, a => a.Target == $"goal:{portal.Goal("koho")}" && a.Detail!.Contains("tantou@example.jp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overdue_reports_are_reminded_once_then_at_most_every_repeat_interval()
    {
        // Reports already in 広報's hands (承認待ち) or published are not the author's to do.
        await portal.WriteReportAsync("koho", midterm: true, publish: true);
        portal.Clock.SetJapanTime("2024-11-01T09:30");
        var sent = await portal.RunRemindersAsync();
        Assert.Equal(3, sent.Count);
        Assert.All(sent, r => Assert.Equal((ReminderKind.Overdue, 0), (r.Kind, r.Round)));
        Assert.DoesNotContain(sent, r => r.DocumentId == portal.Goal("koho"));
        var mail = (await ReceivedAsync(3)).Select(m => m.Parse()).First();
        Assert.StartsWith("【報告の期限超過】", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("中間報告の期限（2024年10月末）を過ぎていますが、まだ公開されていません。", mail.TextBody, StringComparison.Ordinal);

        Assert.Empty(await portal.RunRemindersAsync());
        portal.Clock.SetJapanTime("2024-11-07T18:00"); // 6 days later: inside the interval
        Assert.Empty(await portal.RunRemindersAsync());

        portal.Clock.SetJapanTime("2024-11-08T09:00"); // 7 days: once more
        var repeat = await portal.RunRemindersAsync();
        Assert.Equal(3, repeat.Count);
        Assert.All(repeat, r => Assert.Equal(1, r.Round));
        await ReceivedAsync(3);
        Assert.Empty(await portal.RunRemindersAsync());

        Assert.Equal(6, await EditorPages.InDatabaseAsync(portal, db => db.SentReminders.CountAsync()));
    }

    [Fact]
    public async Task Without_an_author_nothing_is_recorded_so_the_reminder_waits_for_one()
    {
        await EditorPages.InDatabaseAsync(portal, db => db.UserDepartments.ExecuteDeleteAsync());
        portal.Clock.SetJapanTime("2024-10-20T09:00");
        Assert.Empty(await portal.RunRemindersAsync());
        Assert.Equal(0, await EditorPages.InDatabaseAsync(portal, db => db.SentReminders.CountAsync()));
        Assert.False(smtp.TryTake(out _));
    }
}
