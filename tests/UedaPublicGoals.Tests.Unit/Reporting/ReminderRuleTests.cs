using UedaPublicGoals.Reporting;
using UedaPublicGoals.Reporting.Reminders;
using UedaPublicGoals.Reporting.Status;

namespace UedaPublicGoals.Tests.Unit.Reporting;

/// <summary>The 報告状況 wording and the reminder rule around a 中間報告 due in October 2024.</summary>
public sealed class ReminderRuleTests
{
    private static readonly ReminderOptions Options = new() { DaysBefore = 14, OverdueRepeatDays = 7 };

    private static ReportStatus Midterm(string today, ReportProgress progress = ReportProgress.NotStarted) =>
        new(ReportKind.Midterm, progress, new YearMonth(2024, 10), DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), 0, 3);

    [Theory]
    [InlineData("2024-10-16", null, null)]
    [InlineData("2024-10-17", ReminderKind.BeforeDue, 0)]
    [InlineData("2024-10-31", ReminderKind.BeforeDue, 0)]
    [InlineData("2024-11-01", ReminderKind.Overdue, 0)]
    [InlineData("2024-11-07", ReminderKind.Overdue, 0)]
    [InlineData("2024-11-08", ReminderKind.Overdue, 1)]
    [InlineData("2024-11-22", ReminderKind.Overdue, 3)]
    public void Before_due_then_overdue_in_rounds(string today, ReminderKind? kind, int? round)
    {
        var due = ReminderRule.Due(Midterm(today), Options);
        Assert.Equal(kind, due?.Kind);
        Assert.Equal(round, due?.Round);
    }

    [Fact]
    public void Overdue_once_only_when_the_repeat_interval_is_zero()
    {
        var once = new ReminderOptions { DaysBefore = 0, OverdueRepeatDays = 0 };
        Assert.Equal((ReminderKind.Overdue, 0), ReminderRule.Due(Midterm("2025-02-01"), once));
        Assert.Null(ReminderRule.Due(Midterm("2024-10-30"), once));
        Assert.Equal((ReminderKind.BeforeDue, 0), ReminderRule.Due(Midterm("2024-10-31"), once));
    }

    [Theory]
    [InlineData(ReportProgress.NotStarted, true)]
    [InlineData(ReportProgress.Draft, true)]
    [InlineData(ReportProgress.SentBack, true)]
    [InlineData(ReportProgress.AwaitingApproval, false)]
    [InlineData(ReportProgress.Scheduled, false)]
    [InlineData(ReportProgress.Published, false)]
    public void Only_reports_in_the_authors_hands_are_reminded(ReportProgress progress, bool reminded) =>
        Assert.Equal(reminded, ReminderRule.Due(Midterm("2024-11-10", progress), Options) is not null);

    [Theory]
    [InlineData("2024-10-20", ReportProgress.Draft, "2024年10月末まで（あと11日）", false)]
    [InlineData("2024-10-31", ReportProgress.Draft, "2024年10月末まで（あと0日）", false)]
    [InlineData("2024-11-01", ReportProgress.Draft, "期限（2024年10月）を過ぎています", true)]
    [InlineData("2024-11-01", ReportProgress.Published, "期限 2024年10月", false)]
    public void Due_wording(string today, ReportProgress progress, string text, bool overdue)
    {
        var report = Midterm(today, progress);
        Assert.Equal((text, overdue), (report.DueText, report.IsOverdue));
    }

    [Fact]
    public void State_filter_keys_round_trip_and_unknown_keys_mean_no_filter()
    {
        Assert.All(Enum.GetValues<ReportProgress>(), p => Assert.Equal(p, ReportProgressText.FromKey(ReportProgressText.Key(p))));
        Assert.Null(ReportProgressText.FromKey("<script>"));
        Assert.Null(ReportProgressText.FromKey(null));
        Assert.Equal(["未着手", "下書き", "承認待ち", "差し戻し", "予約済み", "公開済み"], Enum.GetValues<ReportProgress>().Select(ReportProgressText.Label));
    }
}
