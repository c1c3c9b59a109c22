using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Reporting.Reminders;
using UedaPublicGoals.Tests.Integration.Backoffice.Editing;
using UedaPublicGoals.Tests.Integration.Infrastructure;

namespace UedaPublicGoals.Tests.Integration.Reporting;

/// <summary>A clock the test moves: "today" for the reporting calendar and the reminders.</summary>
public sealed class MovableClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public static DateTimeOffset InJapan(string localTime) =>
        DateTimeOffset.Parse(localTime + "+09:00", CultureInfo.InvariantCulture);

    public void SetJapanTime(string localTime) => Now = InJapan(localTime);
}

/// <summary>
/// The seeded portal (政策企画部 令和6年度: 中間報告 due October 2024, 期末報告 March 2025) on a clock the
/// test sets, sending mail to a real SMTP listener on loopback. The reminder timer and the scheduler are
/// off: tests run one reminder pass at a time.
/// </summary>
public sealed class CyclePortal(string japanTime, SmtpTestServer? smtp = null, int daysBefore = 14, int overdueRepeatDays = 7) : PortalFactory
{
    public MovableClock Clock { get; } = new(MovableClock.InJapan(japanTime));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Scheduling:Enabled", "false");
        builder.UseSetting("Reporting:Reminders:Enabled", "false");
        builder.UseSetting("Reporting:Reminders:DaysBefore", daysBefore.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Reporting:Reminders:OverdueRepeatDays", overdueRepeatDays.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("Reporting:Reminders:SendHour", "9");
        foreach (var (key, value) in smtp?.PortalSettings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public Task<IReadOnlyList<SentReminder>> RunRemindersAsync() => Services.GetRequiredService<ReminderService>().RunOnceAsync();

    public Guid Goal(string slug) => EditorPages.GoalId(this, slug);

    /// <summary>The author writes the first 中間報告 in the editor and asks 広報 to publish it; returns the request's id.</summary>
    public async Task<long> RequestApprovalAsync(BackofficeSession author, Guid goal, string note = "中間報告を入力しました。")
    {
        var editor = $"/backoffice/goals/{goal}";
        var form = await author.ReadFormAsync(editor);
        form["Initiatives[0].MidtermReport.Status"] = "OnTrack";
        form["Initiatives[0].MidtermReport.ReportedOn"] = "2024-10-15";
        form["Initiatives[0].MidtermReport.Text"] = "利用者が増えています。";
        form["ApprovalNote"] = note;
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await author.PostAsync($"{editor}/request-approval", form)).StatusCode);
        return await EditorPages.InDatabaseAsync(this, db => db.ApprovalRequests.Where(a => a.DocumentId == goal).OrderBy(a => a.Id).Select(a => a.Id).LastAsync());
    }

    /// <summary>Writes a report into the draft of every 取組 (or the first only), as an editor's save does.</summary>
    public Task WriteReportAsync(string slug, bool midterm, bool publish = false, bool firstInitiativeOnly = false) =>
        WithStoreAsync(async (store, db) =>
        {
            var id = Goal(slug);
            var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
            var content = await store.GetDraftAsync<GoalContent>(id);
            foreach (var initiative in firstInitiativeOnly ? content.Initiatives.Take(1) : content.Initiatives)
            {
                var report = new ProgressReport { Text = $"{initiative.Title}の報告", Status = ProgressStatus.OnTrack, ReportedOn = new DateOnly(2024, 10, 10) };
                if (midterm)
                {
                    initiative.MidtermReport = report;
                }
                else
                {
                    initiative.FinalReport = report;
                }
            }

            var placement = new DocumentPlacement(document.Slug, document.SortOrder);
            _ = publish
                ? await store.PublishEditAsync(id, content, placement, AdminEmail, document.ConcurrencyStamp)
                : await store.SaveEditAsync(id, content, placement, AdminEmail, document.ConcurrencyStamp);
        });
}
