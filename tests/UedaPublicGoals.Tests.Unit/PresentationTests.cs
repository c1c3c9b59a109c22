using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Tests.Unit;

public sealed class PresentationTests
{
    private static Kpi Line(params (int Month, decimal Value)[] measured) => new()
    {
        Key = "line-friends",
        Label = "LINE友だち登録者数",
        Unit = "人",
        Baseline = 13967,
        Target = 17000,
        Measurements = measured.Select(m => new KpiMeasurement { Date = new DateOnly(2024, m.Month, 1), Value = m.Value }).ToList(),
    };

    [Fact]
    public void A_kpi_without_measurements_shows_only_its_target()
    {
        var progress = new KpiProgress(Line());
        Assert.False(progress.HasMeasurement);
        Assert.Equal("目標 17,000人（基準値 13,967人）。実績はまだ報告されていません。", progress.Text);
    }

    [Theory]
    [InlineData(13967, 0)]
    [InlineData(15200, 41)]
    [InlineData(17000, 100)]
    [InlineData(18000, 100)]
    [InlineData(12000, 0)]
    public void Progress_runs_from_the_baseline_to_the_target_and_is_clamped(decimal value, int percent) =>
        Assert.Equal(percent, new KpiProgress(Line((10, value))).Percent);

    [Fact]
    public void The_latest_measurement_by_date_counts_whatever_the_entry_order()
    {
        var progress = new KpiProgress(Line((12, 16000), (6, 14500)));
        Assert.Equal(16000, progress.Latest!.Value);
        Assert.Equal("2024年12月1日時点で 16,000人。目標 17,000人（基準値 13,967人）に対して進捗 67%。", progress.Text);
    }

    [Fact]
    public void A_count_without_baseline_starts_from_zero()
    {
        var kpi = new Kpi { Key = "mirai-kaigi", Label = "上田未来会議", Unit = "回", Target = 7, Measurements = [new() { Date = new DateOnly(2024, 9, 30), Value = 3 }] };
        Assert.Equal(43, new KpiProgress(kpi).Percent);
        Assert.Equal("目標 7回", new KpiProgress(kpi).TargetText);
    }

    [Theory]
    [InlineData(2019, "令和元年度")]
    [InlineData(2024, "令和6年度")]
    [InlineData(2026, "令和8年度")]
    public void Fiscal_years_are_labelled_in_the_Japanese_era(int year, string label) =>
        Assert.Equal(label, JapaneseFiscalYear.Label(year));

    [Theory]
    [InlineData(1, "①")]
    [InlineData(6, "⑥")]
    [InlineData(20, "⑳")]
    [InlineData(21, "(21)")]
    public void Initiatives_are_numbered_as_on_the_sheets(int number, string text) => Assert.Equal(text, Numbering.Circled(number));

    [Fact]
    public void A_goal_summary_reports_counts_and_the_most_urgent_status()
    {
        var goal = new GoalContent
        {
            Initiatives =
            [
                new() { Number = 1, MidtermReport = new() { Status = ProgressStatus.OnTrack } },
                new() { Number = 2, MidtermReport = new() { Status = ProgressStatus.Behind } },
                new() { Number = 3 },
            ],
        };
        var summary = GoalProgressSummary.For(goal);
        Assert.Equal(ProgressStatus.Behind, summary.WorstStatus);
        Assert.Equal("取組3件・中間報告 2/3件", summary.Text);
        Assert.Equal("取組3件・報告はまだありません（未報告）", GoalProgressSummary.For(new GoalContent { Initiatives = [new(), new(), new()] }).Text);
    }

    [Theory]
    [InlineData(ProgressStatus.OnTrack, "順調")]
    [InlineData(ProgressStatus.SlightlyBehind, "やや遅れ")]
    [InlineData(ProgressStatus.Behind, "遅れ")]
    [InlineData(ProgressStatus.Achieved, "達成")]
    public void Statuses_read_in_Japanese(ProgressStatus status, string text) => Assert.Equal(text, status.ToJapanese());
}
