using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Content.ReadModel;

/// <summary>The one-line status of a goal for lists: how many initiatives have reported.</summary>
public sealed record GoalProgressSummary(int InitiativeCount, int MidtermReported, int FinalReported, ProgressStatus? WorstStatus)
{
    public static GoalProgressSummary For(GoalContent goal)
    {
        var midterm = goal.Initiatives.Count(i => i.MidtermReport is not null);
        var final = goal.Initiatives.Count(i => i.FinalReport is not null);
        var latest = goal.Initiatives
            .Select(i => i.FinalReport ?? i.MidtermReport)
            .Where(r => r is not null)
            .Select(r => r!.Status)
            .ToList();
        ProgressStatus? worst = latest.Count == 0 ? null : latest.MaxBy(Severity);
        return new GoalProgressSummary(goal.Initiatives.Count, midterm, final, worst);
    }

    /// <summary>Plain-Japanese one-liner, e.g. 取組6件・期末報告 2/6件.</summary>
    public string Text =>
        (MidtermReported, FinalReported) switch
        {
            (0, 0) => $"取組{InitiativeCount}件・報告はまだありません（未報告）",
            (_, 0) => $"取組{InitiativeCount}件・中間報告 {MidtermReported}/{InitiativeCount}件",
            _ => $"取組{InitiativeCount}件・期末報告 {FinalReported}/{InitiativeCount}件",
        };

    // 遅れ outranks やや遅れ outranks 順調 outranks 達成: lists show the most urgent state.
    private static int Severity(ProgressStatus status) => status switch
    {
        ProgressStatus.Behind => 3,
        ProgressStatus.SlightlyBehind => 2,
        ProgressStatus.OnTrack => 1,
        _ => 0,
    };
}
