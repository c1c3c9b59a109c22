using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Reporting;

/// <summary>Where a report stands against its due month.</summary>
public enum ReportState
{
    /// <summary>Published (a 中間報告 or 期末報告 exists).</summary>
    Published,

    /// <summary>Not published, its due month not over yet.</summary>
    Upcoming,

    /// <summary>Not published, its due month is over.</summary>
    Overdue,
}

/// <summary>One report of one 取組 as residents read it: 「中間報告：2024年10月公開予定」.</summary>
public sealed record ReportSchedule(ReportKind Kind, ReportState State, YearMonth Due, ProgressReport? Report)
{
    public string Name => ReportingCalendar.Name(Kind);

    /// <summary>The wording for a report not yet published; null once it is.</summary>
    public string? PendingText => State switch
    {
        ReportState.Upcoming => $"{Name}：{Due.Text}公開予定",
        ReportState.Overdue => $"{Name}：予定（{Due.Text}）を過ぎていますが、まだ公開されていません",
        _ => null,
    };
}

/// <summary>A step of the year's timeline (目標設定 → 中間報告 → 期末報告).</summary>
public sealed record TimelineStep(string Name, YearMonth Month, bool IsCurrent, bool IsDone);

/// <summary>
/// The reporting calendar: what is due when, and where the year is today (Japan time, from
/// the injected clock). Small on purpose: the goal page and a 報告状況 page both read it.
/// </summary>
public sealed class ReportingCalendar(TimeProvider clock)
{

    public static string Name(ReportKind kind) => kind == ReportKind.Midterm ? "中間報告" : "期末報告";

    public DateOnly TodayInJapan => TokyoTime.Today(clock);

    /// <summary>The fiscal year today (Japan time) falls in: April to March.</summary>
    public int CurrentFiscalYear => TodayInJapan.Month >= 4 ? TodayInJapan.Year : TodayInJapan.Year - 1;

    public ReportSchedule Schedule(ReportingCycle cycle, ReportKind kind, ProgressReport? report)
    {
        var due = cycle.Due(kind);
        var state = report is not null ? ReportState.Published
            : TodayInJapan >= due.FirstDayAfter ? ReportState.Overdue
            : ReportState.Upcoming;
        return new ReportSchedule(kind, state, due, report);
    }

    /// <summary>Both reports of an initiative, 中間報告 first.</summary>
    public IReadOnlyList<ReportSchedule> Schedules(ReportingCycle cycle, Initiative initiative) =>
    [
        Schedule(cycle, ReportKind.Midterm, initiative.MidtermReport),
        Schedule(cycle, ReportKind.Final, initiative.FinalReport),
    ];

    /// <summary>
    /// 目標設定 → 中間報告 → 期末報告, the current step being the last one whose month has begun.
    /// Before April of the fiscal year no step is current; after it every step is done.
    /// </summary>
    public IReadOnlyList<TimelineStep> Timeline(ReportingCycle cycle)
    {
        var today = TodayInJapan;
        var steps = new (string Name, YearMonth Month)[]
        {
            ("目標設定", cycle.Start),
            (Name(ReportKind.Midterm), cycle.Due(ReportKind.Midterm)),
            (Name(ReportKind.Final), cycle.Due(ReportKind.Final)),
        };
        var current = Array.FindLastIndex(steps, s => today >= s.Month.FirstDay);
        var yearOver = today >= ReportingCycle.MonthOf(cycle.FiscalYear, 3).FirstDayAfter;
        return steps.Select((s, i) => new TimelineStep(s.Name, s.Month, i == current && !yearOver, i < current || yearOver)).ToList();
    }
}
