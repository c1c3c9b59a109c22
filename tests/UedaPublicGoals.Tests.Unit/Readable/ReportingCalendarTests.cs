using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Reporting;
using UedaPublicGoals.Tests.Unit.Feedback;

namespace UedaPublicGoals.Tests.Unit.Readable;

/// <summary>The reporting calendar in Japan time: due months, wording before and after, the timeline, periods.</summary>
public sealed class ReportingCalendarTests
{
    private static readonly ReportingCycle Ueda2024 = new(2024, ReportingCycle.DefaultMidtermMonth, ReportingCycle.DefaultFinalMonth);

    private static ReportingCalendar At(string tokyoTime) =>
        new(new StoppedClock(DateTimeOffset.Parse(tokyoTime + "+09:00", System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Ueda_reports_the_midterm_in_October_and_the_final_report_in_March_of_the_next_calendar_year()
    {
        Assert.Equal(new YearMonth(2024, 10), Ueda2024.Due(ReportKind.Midterm));
        Assert.Equal(new YearMonth(2025, 3), Ueda2024.Due(ReportKind.Final));
    }

    [Theory]
    [InlineData("2024-09-30T12:00:00", "中間報告：2024年10月公開予定")]
    [InlineData("2024-10-31T23:59:00", "中間報告：2024年10月公開予定")] // still its month in Japan
    [InlineData("2024-11-01T00:00:00", "中間報告：予定（2024年10月）を過ぎていますが、まだ公開されていません")]
    public void An_unpublished_midterm_report_reads_as_planned_until_its_month_is_over_in_Japan(string tokyoTime, string expected)
    {
        var schedule = At(tokyoTime).Schedule(Ueda2024, ReportKind.Midterm, report: null);
        Assert.Equal(expected, schedule.PendingText);
    }

    [Fact]
    public void A_published_report_has_no_pending_wording()
    {
        var schedule = At("2024-12-01T09:00:00").Schedule(Ueda2024, ReportKind.Midterm, new ProgressReport { Status = ProgressStatus.OnTrack, Text = "順調" });
        Assert.Equal(ReportState.Published, schedule.State);
        Assert.Null(schedule.PendingText);
    }

    [Fact]
    public void The_final_report_is_overdue_only_from_April_of_the_next_year()
    {
        Assert.Equal(ReportState.Upcoming, At("2025-03-31T23:00:00").Schedule(Ueda2024, ReportKind.Final, null).State);
        Assert.Equal("期末報告：予定（2025年3月）を過ぎていますが、まだ公開されていません", At("2025-04-01T00:00:00").Schedule(Ueda2024, ReportKind.Final, null).PendingText);
    }

    [Theory]
    [InlineData("2024-03-31T12:00:00", null)]
    [InlineData("2024-04-01T00:00:00", "目標設定")]
    [InlineData("2024-10-01T00:00:00", "中間報告")]
    [InlineData("2025-03-15T00:00:00", "期末報告")]
    [InlineData("2025-04-01T00:00:00", null)]
    public void The_timeline_marks_where_the_year_is_now(string tokyoTime, string? current)
    {
        var timeline = At(tokyoTime).Timeline(Ueda2024);
        Assert.Equal(["目標設定", "中間報告", "期末報告"], timeline.Select(s => s.Name));
        Assert.Equal(current, timeline.SingleOrDefault(s => s.IsCurrent)?.Name);
    }

    [Theory]
    [InlineData("3月", "3月（令和7年3月）")]
    [InlineData("6月～3月", "6月～3月（令和6年6月～令和7年3月）")]
    [InlineData("5月～12月", "5月～12月（令和6年5月～令和6年12月）")]
    [InlineData("通年", "通年")]
    [InlineData("年度末", "年度末")]
    [InlineData("13月", "13月")]
    public void A_bare_month_of_the_sheet_is_shown_with_its_fiscal_year_keeping_the_sheets_words(string period, string expected)
    {
        Assert.Equal(expected, FiscalPeriodText.WithFiscalYear(period, 2024));
    }
}
