using UedaPublicGoals.Content.ReadModel;

namespace UedaPublicGoals.Reporting.Status;

/// <summary>One report of one goal on the 報告状況 page: its workflow state and where it stands against the calendar.</summary>
public sealed record ReportStatus(ReportKind Kind, ReportProgress Progress, YearMonth Due, DateOnly Today, int WrittenInitiatives, int Initiatives)
{
    public string Name => ReportingCalendar.Name(Kind);

    public string ProgressLabel => ReportProgressText.Label(Progress);

    /// <summary>The last day the report may be published: the end of its due month.</summary>
    public DateOnly LastDay => Due.FirstDayAfter.AddDays(-1);

    public bool IsOverdue => Progress != ReportProgress.Published && Today >= Due.FirstDayAfter;

    public int DaysLeft => LastDay.DayNumber - Today.DayNumber;

    /// <summary>「期限を過ぎています（2024年10月）」, 「2024年10月末まで（あと12日）」, or the month it was due for a published report.</summary>
    public string DueText => Progress == ReportProgress.Published ? $"期限 {Due.Text}"
        : IsOverdue ? $"期限（{Due.Text}）を過ぎています"
        : $"{Due.Text}末まで（あと{DaysLeft}日）";
}

/// <summary>A goal's row: both reports.</summary>
public sealed record GoalReportingStatus(Guid DocumentId, string Title, int Priority, ReportStatus Midterm, ReportStatus Final)
{
    public string EditorPath => $"/backoffice/goals/{DocumentId}";

    public IReadOnlyList<ReportStatus> Reports => [Midterm, Final];

    public ReportStatus Report(ReportKind kind) => kind == ReportKind.Midterm ? Midterm : Final;
}

/// <summary>A department's goals for the year; <see cref="FiscalYearId"/> is null when it has no such year.</summary>
public sealed record DepartmentReportingStatus(int DepartmentId, string DepartmentName, int? FiscalYearId, IReadOnlyList<GoalReportingStatus> Goals);

/// <summary>The 報告状況 of one fiscal year, as far as the reader may see it.</summary>
public sealed record ReportingStatusReport(int FiscalYear, DateOnly Today, IReadOnlyList<DepartmentReportingStatus> Departments)
{
    public string YearLabel => JapaneseFiscalYear.Label(FiscalYear);

    public IEnumerable<ReportStatus> AllReports => Departments.SelectMany(d => d.Goals).SelectMany(g => g.Reports);
}
