using UedaPublicGoals.Feedback.Inbox;
using UedaPublicGoals.Feedback.Model;
using UedaPublicGoals.Feedback.Statistics;

namespace UedaPublicGoals.Tests.Unit.Feedback.Inbox;

public sealed class InboxStatisticsUnitTests
{
    private static DateTime Tokyo(int month, int day, int hour = 12) => new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-9);

    [Theory]
    [InlineData("2026-11-23", "2026-11-23")] // Monday
    [InlineData("2026-11-29", "2026-11-23")] // Sunday belongs to the week that began on Monday
    [InlineData("2026-11-24", "2026-11-23")]
    public void Weeks_start_on_Monday(string date, string monday) =>
        Assert.Equal(DateOnly.Parse(monday), CommentStatistics.WeekStart(DateOnly.Parse(date)));

    [Fact]
    public void Categories_are_listed_at_zero_and_unanswered_only_when_someone_did_not_answer()
    {
        var answered = CommentStatistics.Compute([new(AgeGroup.Twenties, "交通", CommentChannel.Web, Tokyo(10, 5))], ["交通", "教育"], StatisticsInterval.Week, null, null);
        Assert.Equal(9, answered.ByAge.Count);
        Assert.Equal(1, answered.ByAge.Single(r => r.Label == "20代").Count);
        Assert.DoesNotContain(answered.ByAge, r => r.Label == CommentStatistics.NotAnswered);
        Assert.Equal([("交通", 1), ("教育", 0)], answered.ByField.Select(r => (r.Label, r.Count)));
        Assert.Equal(6, answered.ByChannel.Count); // WEB, 郵送, ワークショップ, 公共施設, 分野別意見聴取, WEBアンケート

        var unanswered = CommentStatistics.Compute([new(null, null, CommentChannel.Post, Tokyo(10, 5))], ["交通"], StatisticsInterval.Week, null, null);
        Assert.Equal(1, unanswered.ByAge.Single(r => r.Label == CommentStatistics.NotAnswered).Count);
        Assert.Equal(1, unanswered.ByField.Single(r => r.Label == CommentStatistics.NotAnswered).Count);
        Assert.Equal(1, unanswered.AgeByField.Total);
    }

    [Fact]
    public void A_field_no_longer_offered_still_counts_under_its_own_name()
    {
        var report = CommentStatistics.Compute([new(null, "旧い分野", CommentChannel.Workshop, Tokyo(10, 5))], ["交通"], StatisticsInterval.Week, null, null);
        Assert.Equal(1, report.ByField.Single(r => r.Label == "旧い分野").Count);
    }

    [Fact]
    public void Days_are_Tokyo_days_with_empty_days_filled_in()
    {
        // 00:30 on 6 October in Tokyo is 5 October in UTC.
        var report = CommentStatistics.Compute(
            [new(null, null, CommentChannel.Web, Tokyo(10, 6, 0)), new(null, null, CommentChannel.Web, Tokyo(10, 8))],
            [], StatisticsInterval.Day, null, null);
        Assert.Equal(StatisticsInterval.Day, report.Interval);
        Assert.Equal([("2026年10月6日（火）", 1), ("2026年10月7日（水）", 0), ("2026年10月8日（木）", 1)], report.OverTime.Select(r => (r.Label, r.Count)));
    }

    [Fact]
    public void More_than_92_days_per_day_falls_back_to_weeks_and_says_so()
    {
        var report = CommentStatistics.Compute([new(null, null, CommentChannel.Web, Tokyo(10, 6))], [], StatisticsInterval.Day, new DateOnly(2026, 6, 1), new DateOnly(2026, 10, 31));
        Assert.Equal(StatisticsInterval.Week, report.Interval);
        Assert.True(report.IntervalWidened);
        Assert.Equal("2026年6月1日〜", report.OverTime[0].Label);
        Assert.Equal(1, report.OverTime.Sum(r => r.Count));
    }

    [Fact]
    public void The_chart_is_a_named_image_with_escaped_text_labels_and_counts()
    {
        var html = SvgBarChart.Render("c", "年代別", "説明", [new("<script>", 3), new(new string('長', 30), 0)]).ToString()!;
        Assert.StartsWith("<svg", html);
        Assert.Contains("role=\"img\"", html);
        Assert.Contains("aria-labelledby=\"c-title c-desc\"", html);
        Assert.Contains("<title id=\"c-title\">年代別</title>", html);
        Assert.Contains("<desc id=\"c-desc\">説明</desc>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains(">3件</text>", html);
        Assert.Contains(">0件</text>", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<rect")); // no bar for zero
        Assert.Contains(">" + new string('長', 25) + "</text>", html); // long labels wrap
        Assert.Contains(">" + new string('長', 5) + "</text>", html);
    }
}
