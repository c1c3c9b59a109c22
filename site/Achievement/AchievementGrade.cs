using Microsoft.Extensions.Options;
using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Achievement;

public enum Grade
{
    /// <summary>−: not measured, or the data cannot decide.</summary>
    None,
    S,
    A,
    B,
    C,
}

/// <summary>A KPI's 達成度 as shown: the grade, how it was reached, and a staff override's reason.</summary>
public sealed record KpiGrade(Grade Grade, Grade Computed, string Explanation, string? OverrideReason)
{
    public bool IsOverridden => OverrideReason is not null;

    public string Label => Grade == Grade.None ? "−" : Grade.ToString();

    /// <summary>Anchor of this grade's line on the explanation page (/tasseido/).</summary>
    public string RuleUrl => $"{AchievementRule.ExplanationPath}#grade-{(Grade == Grade.None ? "none" : Grade.ToString().ToLowerInvariant())}";
}

/// <summary>
/// Computes 達成度 from baseline, target and the latest measured value. Works in the direction
/// the KPI moves (a falling KPI such as 時間外勤務 has its target below the baseline), so the share
/// is (value − baseline) / (target − baseline) either way. Never grades without data.
/// </summary>
public sealed class AchievementRule(IOptions<AchievementOptions> options)
{
    public const string ExplanationPath = "/tasseido/";

    public static readonly IReadOnlyList<Grade> OverridableGrades = [Grade.S, Grade.A, Grade.B, Grade.C];

    public AchievementOptions Settings => options.Value;

    public static bool TryParseOverride(string? value, out Grade grade)
    {
        grade = Grade.None;
        var trimmed = value?.Trim();
        return !string.IsNullOrEmpty(trimmed)
            && Enum.TryParse(trimmed, ignoreCase: false, out grade)
            && OverridableGrades.Contains(grade);
    }

    public KpiGrade For(Kpi kpi)
    {
        var computed = Compute(kpi, out var explanation);
        if (TryParseOverride(kpi.GradeOverride, out var overridden) && !string.IsNullOrWhiteSpace(kpi.GradeOverrideReason) && kpi.Measurements.Count > 0)
        {
            return new KpiGrade(overridden, computed, explanation, kpi.GradeOverrideReason.Trim());
        }

        return new KpiGrade(computed, computed, explanation, null);
    }

    private Grade Compute(Kpi kpi, out string explanation)
    {
        var latest = kpi.Measurements.OrderBy(m => m.Date).LastOrDefault();
        if (latest is null)
        {
            explanation = "実績がまだ報告されていないため、達成度はありません。";
            return Grade.None;
        }

        var value = latest.Value;
        if (kpi.Baseline is not { } baseline)
        {
            // Without a baseline only "reached" can be told; anything else would be a guess.
            if (value >= kpi.Target)
            {
                explanation = "実績が目標値に達しています（基準値はありません）。";
                return Grade.S;
            }

            explanation = "基準値がないため、目標値に届くまでは達成度を計算できません。";
            return Grade.None;
        }

        if (baseline == kpi.Target)
        {
            // A "keep the level" target: reaching it is S; a move either way cannot be called better or worse.
            if (value == kpi.Target)
            {
                explanation = "目標値（基準値と同じ）を保っています。";
                return Grade.S;
            }

            explanation = "基準値と目標値が同じため、増えたか減ったかだけでは達成度を決められません。";
            return Grade.None;
        }

        var share = (value - baseline) / (kpi.Target - baseline);
        var falling = kpi.Target < baseline;
        var direction = falling ? "減らす目標" : "増やす目標";
        explanation = $"{direction}：基準値から目標値までの {Math.Round(share * 100m, 0, MidpointRounding.AwayFromZero)}% 進んでいます。";
        return share >= Settings.ShareForS ? Grade.S
            : share >= Settings.ShareForA ? Grade.A
            : share > 0 ? Grade.B
            : Grade.C;
    }
}
