using UedaPublicGoals.Achievement;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Reporting;

namespace UedaPublicGoals.Public;

/// <summary>One KPI as the status rows and the sheet show it: progress (bar + words) and 達成度.</summary>
public sealed record KpiView(Kpi Kpi, KpiProgress Progress, KpiGrade Grade);

/// <summary>
/// One row of いまの状況: a 取組 with its latest report (or none), both report schedules, what
/// comes next, and its KPIs. Built per request because "overdue" depends on today.
/// </summary>
public sealed record InitiativeStatus(Initiative Initiative, IReadOnlyList<ReportSchedule> Reports, IReadOnlyList<KpiView> Kpis)
{
    public ProgressReport? Latest => Initiative.FinalReport ?? Initiative.MidtermReport;

    /// <summary>The first report not yet published; null when both are out.</summary>
    public ReportSchedule? Next => Reports.FirstOrDefault(r => r.State != ReportState.Published);

    public DateOnly? LastReportedOn => Reports.Where(r => r.State == ReportState.Published).Select(r => r.Report!.ReportedOn).LastOrDefault(d => d is not null);

    /// <summary>The compact line of what comes next, e.g. 中間報告 2024年10月公開予定 / 中間報告 2024年10月予定・未公開.</summary>
    public string? NextText => Next switch
    {
        null => null,
        { State: ReportState.Overdue } next => $"{next.Name} {next.Due.Text}予定・未公開",
        { } next => $"{next.Name} {next.Due.Text}公開予定",
    };
}

/// <summary>The いまの状況 block of a goal: one row per 取組, in the sheet's order, and the year's timeline.</summary>
public sealed record GoalStatus(IReadOnlyList<InitiativeStatus> Initiatives, IReadOnlyList<TimelineStep> Timeline)
{
    public static GoalStatus For(PublishedGoal goal, ReportingCalendar calendar, AchievementRule grades) => new(
        goal.Content.Initiatives
            .Select(i => new InitiativeStatus(
                i,
                calendar.Schedules(goal.Year.Cycle, i),
                i.Measures.SelectMany(m => m.Kpis).Select(k => new KpiView(k, new KpiProgress(k), grades.For(k))).ToList()))
            .ToList(),
        calendar.Timeline(goal.Year.Cycle));

    public InitiativeStatus For(Initiative initiative) => Initiatives.First(i => ReferenceEquals(i.Initiative, initiative));
}
