using Microsoft.Extensions.Options;
using UedaPublicGoals.Achievement;
using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Tests.Unit.Readable;

/// <summary>The 達成度 rule at its edges: direction, baseline = target, beyond the target, no data.</summary>
public sealed class AchievementRuleTests
{
    private static readonly AchievementRule DefaultRule = new(Options.Create(new AchievementOptions()));

    private static Kpi Kpi(decimal? baseline, decimal target, params decimal[] measured) => new()
    {
        Key = "k",
        Label = "指標",
        Unit = "人",
        Baseline = baseline,
        Target = target,
        Measurements = measured.Select((v, i) => new KpiMeasurement { Date = new DateOnly(2024, 5 + i, 1), Value = v }).ToList(),
    };

    [Theory]
    [InlineData(100, 200, 200, Grade.S)]   // target reached
    [InlineData(100, 200, 250, Grade.S)]   // beyond the target
    [InlineData(100, 200, 150, Grade.A)]   // exactly halfway
    [InlineData(100, 200, 149, Grade.B)]   // moved, less than halfway
    [InlineData(100, 200, 100, Grade.C)]   // not moved
    [InlineData(100, 200, 90, Grade.C)]    // worse than the baseline
    // A falling KPI (時間外勤務: target below the baseline): going down is progress.
    [InlineData(1000, 800, 800, Grade.S)]
    [InlineData(1000, 800, 700, Grade.S)]
    [InlineData(1000, 800, 900, Grade.A)]
    [InlineData(1000, 800, 950, Grade.B)]
    [InlineData(1000, 800, 1100, Grade.C)]
    public void A_grade_follows_the_share_of_the_way_from_baseline_to_target_in_the_kpis_own_direction(int baseline, int target, int value, Grade expected)
    {
        var grade = DefaultRule.For(Kpi(baseline, target, value));
        Assert.Equal(expected, grade.Grade);
        Assert.False(grade.IsOverridden);
    }

    [Fact]
    public void The_latest_measurement_counts_not_the_first()
    {
        Assert.Equal(Grade.S, DefaultRule.For(Kpi(100, 200, 120, 210)).Grade);
        Assert.Equal(Grade.C, DefaultRule.For(Kpi(100, 200, 210, 90)).Grade);
    }

    [Fact]
    public void Without_a_measured_value_there_is_no_grade()
    {
        var grade = DefaultRule.For(Kpi(13967, 17000));
        Assert.Equal(Grade.None, grade.Grade);
        Assert.Equal("−", grade.Label);
        Assert.Contains("実績がまだ報告されていない", grade.Explanation);
    }

    [Fact]
    public void When_the_baseline_equals_the_target_only_keeping_it_is_graded()
    {
        Assert.Equal(Grade.S, DefaultRule.For(Kpi(100, 100, 100)).Grade);
        var moved = DefaultRule.For(Kpi(100, 100, 120));
        Assert.Equal(Grade.None, moved.Grade);
        Assert.Contains("基準値と目標値が同じ", moved.Explanation);
    }

    [Fact]
    public void Without_a_baseline_only_reaching_the_target_is_graded()
    {
        Assert.Equal(Grade.S, DefaultRule.For(Kpi(null, 4, 4)).Grade);
        Assert.Equal(Grade.None, DefaultRule.For(Kpi(null, 4, 3)).Grade);
    }

    [Fact]
    public void The_city_configures_the_shares()
    {
        var strict = new AchievementRule(Options.Create(new AchievementOptions { ShareForA = 0.8m, ShareForS = 1m }));
        Assert.Equal(Grade.B, strict.For(Kpi(100, 200, 150)).Grade);
        Assert.Equal(Grade.A, strict.For(Kpi(100, 200, 180)).Grade);
    }

    [Fact]
    public void A_staff_override_shows_with_its_reason_and_keeps_the_computed_grade_beside_it()
    {
        var kpi = Kpi(100, 200, 120);
        kpi.GradeOverride = "A";
        kpi.GradeOverrideReason = "年度末に大型イベントを控えており、実質的に半分を超える見込みのため。";
        var grade = DefaultRule.For(kpi);
        Assert.Equal(Grade.A, grade.Grade);
        Assert.Equal(Grade.B, grade.Computed);
        Assert.True(grade.IsOverridden);
        Assert.Equal(kpi.GradeOverrideReason, grade.OverrideReason);
    }

    [Theory]
    [InlineData("A", null)]          // no reason: the rule decides
    [InlineData("A", "  ")]
    [InlineData("Z", "理由")]        // not a grade
    public void An_override_without_a_reason_or_with_a_wrong_grade_is_ignored(string grade, string? reason)
    {
        var kpi = Kpi(100, 200, 120);
        kpi.GradeOverride = grade;
        kpi.GradeOverrideReason = reason;
        Assert.Equal(Grade.B, DefaultRule.For(kpi).Grade);
    }

    [Fact]
    public void An_override_never_grades_a_kpi_without_data()
    {
        var kpi = Kpi(100, 200);
        kpi.GradeOverride = "S";
        kpi.GradeOverrideReason = "理由";
        Assert.Equal(Grade.None, DefaultRule.For(kpi).Grade);
    }
}
