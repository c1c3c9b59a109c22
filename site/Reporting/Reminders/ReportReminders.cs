using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Backoffice.Notifications;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Reporting.Status;

namespace UedaPublicGoals.Reporting.Reminders;

/// <summary>Which reminder a report is due today, if any: the rule, apart from who gets it and whether it went out.</summary>
public static class ReminderRule
{
    /// <summary>States in which the next step is the author's; 承認待ち and 予約済み are already on their way, 公開済み is done.</summary>
    public static bool IsAuthorsTurn(ReportProgress progress) => progress is ReportProgress.NotStarted or ReportProgress.Draft or ReportProgress.SentBack;

    /// <summary>
    /// Overdue: round 0 from the first day after the due month, then one more round every
    /// <see cref="ReminderOptions.OverdueRepeatDays"/> (never, when 0). Before: within
    /// <see cref="ReminderOptions.DaysBefore"/> days of the month's last day, round 0 only.
    /// </summary>
    public static (ReminderKind Kind, int Round)? Due(ReportStatus report, ReminderOptions options)
    {
        if (!IsAuthorsTurn(report.Progress))
        {
            return null;
        }

        if (report.IsOverdue)
        {
            var daysOver = report.Today.DayNumber - report.Due.FirstDayAfter.DayNumber;
            return (ReminderKind.Overdue, options.OverdueRepeatDays == 0 ? 0 : daysOver / options.OverdueRepeatDays);
        }

        return report.DaysLeft <= options.DaysBefore ? (ReminderKind.BeforeDue, 0) : null;
    }
}

/// <summary>A reminder one pass decided to send.</summary>
public sealed record DueReminder(DepartmentReportingStatus Department, int FiscalYear, GoalReportingStatus Goal, ReportStatus Report, ReminderKind Kind, int Round);

/// <summary>
/// E-mails the department's 部局担当 about reports still in their hands (未着手, 下書き, 差し戻し):
/// <see cref="ReminderOptions.DaysBefore"/> days before the end of the due month, and once it is overdue
/// (then at most every <see cref="ReminderOptions.OverdueRepeatDays"/> days). One pass is
/// <see cref="RunOnceAsync"/>; the table of sent reminders makes a second send of the same one impossible.
/// </summary>
public sealed class ReportReminders(
    PortalDbContext db,
    ReportingStatusQuery status,
    StaffMail mail,
    AuditLog audit,
    TimeProvider clock,
    IOptions<ReminderOptions> options,
    ILogger<ReportReminders> logger)
{
    public async Task<IReadOnlyList<SentReminder>> RunOnceAsync(CancellationToken ct = default)
    {
        if (!mail.IsConfigured || TokyoTime.ToTokyo(clock.GetUtcNow().UtcDateTime).Hour < options.Value.SendHour)
        {
            return [];
        }

        var sent = new List<SentReminder>();
        foreach (var due in await DueAsync(ct))
        {
            if (await SendAsync(due, ct) is { } reminder)
            {
                sent.Add(reminder);
            }
        }

        return sent;
    }

    /// <summary>Reminders due today that were not sent yet: the current fiscal year's and the last one's (its 期末報告 falls in this one).</summary>
    public async Task<IReadOnlyList<DueReminder>> DueAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        var candidates = new List<DueReminder>();
        foreach (var fiscalYear in new[] { status.CurrentFiscalYear - 1, status.CurrentFiscalYear })
        {
            var report = await status.ForYearAsync(fiscalYear, departmentIds: null, ct);
            foreach (var department in report.Departments)
            {
                foreach (var goal in department.Goals)
                {
                    foreach (var r in goal.Reports)
                    {
                        if (ReminderRule.Due(r, settings) is { } due)
                        {
                            candidates.Add(new(department, fiscalYear, goal, r, due.Kind, due.Round));
                        }
                    }
                }
            }
        }

        var documentIds = candidates.Select(c => c.Goal.DocumentId).Distinct().ToList();
        var already = (await db.SentReminders.AsNoTracking()
                .Where(s => documentIds.Contains(s.DocumentId))
                .Select(s => new { s.DocumentId, s.Report, s.Kind, s.Round })
                .ToListAsync(ct))
            .Select(s => (s.DocumentId, s.Report, s.Kind, s.Round))
            .ToHashSet();
        return candidates.Where(c => !already.Contains((c.Goal.DocumentId, c.Report.Kind, c.Kind, c.Round))).ToList();
    }

    private async Task<SentReminder?> SendAsync(DueReminder due, CancellationToken ct)
    {
        var recipients = await mail.DepartmentAuthorsAsync(due.Department.DepartmentId, ct);
        if (recipients.Count == 0)
        {
            logger.LogWarning("No 部局担当 to remind about {Report} of goal {DocumentId} ({Department}).", due.Report.Name, due.Goal.DocumentId, due.Department.DepartmentName);
            return null;
        }

        // Claim the reminder first: the unique index lets only one pass (on any node) have it.
        var reminder = new SentReminder
        {
            DocumentId = due.Goal.DocumentId,
            Report = due.Report.Kind,
            Kind = due.Kind,
            Round = due.Round,
            SentUtc = clock.GetUtcNow().UtcDateTime,
            Recipients = string.Join(",", recipients),
        };
        db.SentReminders.Add(reminder);
        audit.Add(AuditActions.ReportReminder, $"goal:{due.Goal.DocumentId}", $"{due.Report.Name}（{(due.Kind == ReminderKind.Overdue ? "期限超過" : "期限前")}）を{recipients.Count}人に送信：{reminder.Recipients}", actor: ContentStore.SystemUser);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }

        var (subject, text) = Compose(due);
        if (await mail.SendAsync(recipients, subject, text, ct))
        {
            return reminder;
        }

        // Not sent: give the claim back so the next pass tries again.
        db.ChangeTracker.Clear();
        await db.SentReminders.Where(s => s.Id == reminder.Id).ExecuteDeleteAsync(ct);
        return null;
    }

    private (string Subject, string Text) Compose(DueReminder due)
    {
        var report = due.Report;
        var when = due.Kind == ReminderKind.Overdue
            ? $"{report.Name}の期限（{report.Due.Text}末）を過ぎていますが、まだ公開されていません。"
            : $"{report.Name}の期限（{report.Due.Text}末）まで、あと{report.DaysLeft}日です。";
        var subject = due.Kind == ReminderKind.Overdue
            ? $"【報告の期限超過】{due.Goal.Title}：{report.Name}"
            : $"【報告のお願い】{due.Goal.Title}：{report.Name}（{report.Due.Text}末まで）";
        var text = $"""
            {due.Department.DepartmentName} 部局担当の皆さま

            {when}
            編集画面で{report.Name}を入力し、広報へ承認依頼をしてください。

            部局：{due.Department.DepartmentName}
            年度：{JapaneseFiscalYear.Label(due.FiscalYear)}
            重点目標：{due.Goal.Title}
            報告：{report.Name}（予定 {report.Due.Text}）
            いまの状態：{report.ProgressLabel}（記入 {report.WrittenInitiatives}／{report.Initiatives} 取組）

            編集画面：{mail.Link(due.Goal.EditorPath)}
            報告状況：{mail.Link($"/backoffice/reporting/{due.FiscalYear}")}

            このメールは上田市 重点目標ポータルから自動で送信しています。
            """;
        return (subject, text);
    }
}

/// <summary>Runs <see cref="ReportReminders"/> every <see cref="ReminderOptions.CheckIntervalMinutes"/>.</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, IOptions<ReminderOptions> options, TimeProvider clock, ILogger<ReminderService> logger) : BackgroundService
{
    public async Task<IReadOnlyList<SentReminder>> RunOnceAsync(CancellationToken ct = default)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ReportReminders>().RunOnceAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.CheckIntervalMinutes), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed pass (database or relay briefly away) must not stop the reminders: the next tick retries.
                logger.LogError(ex, "Reporting reminder pass failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
