using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using UedaPublicGoals.Backoffice;

namespace UedaPublicGoals.Reporting.Status;

/// <summary>報告状況: every department and goal of a fiscal year with the state of its two reports and what is overdue.</summary>
[Route("backoffice/reporting")]
[Authorize(Policy = BackofficePolicies.EditContent)]
public sealed class ReportingStatusController(ReportingStatusQuery query) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => Redirect($"/backoffice/reporting/{query.CurrentFiscalYear}");

    [HttpGet("{year:int}")]
    public async Task<IActionResult> Year(int year, int? department, string? state)
    {
        if (year is < 2000 or > 2099)
        {
            return NotFound();
        }

        var visible = await query.VisibleDepartmentsAsync(User);
        var report = await query.ForYearAsync(year, visible);
        var filter = new ReportingStatusFilter(department, ReportProgressText.FromKey(state), state == ReportingStatusFilter.OverdueKey);
        ViewData["Title"] = $"報告状況（{report.YearLabel}）";
        return View("~/Reporting/Views/Status.cshtml", new ReportingStatusPage(report, filter, query.CurrentFiscalYear));
    }
}

/// <summary>The filters of the page: one department, and one state (or 期限超過).</summary>
public sealed record ReportingStatusFilter(int? DepartmentId, ReportProgress? Progress, bool OverdueOnly)
{
    public const string OverdueKey = "overdue";

    public string? StateKey => OverdueOnly ? OverdueKey : Progress is { } p ? ReportProgressText.Key(p) : null;

    public bool IsActive => DepartmentId is not null || StateKey is not null;

    public bool Shows(DepartmentReportingStatus department) => DepartmentId is null || DepartmentId == department.DepartmentId;

    public bool Shows(GoalReportingStatus goal) =>
        (!OverdueOnly || goal.Reports.Any(r => r.IsOverdue)) && (Progress is null || goal.Reports.Any(r => r.Progress == Progress));
}

public sealed record ReportingStatusPage(ReportingStatusReport Report, ReportingStatusFilter Filter, int CurrentFiscalYear)
{
    public IReadOnlyList<DepartmentReportingStatus> ShownDepartments =>
        Report.Departments.Where(Filter.Shows)
            .Select(d => d with { Goals = d.Goals.Where(Filter.Shows).ToList() })
            .Where(d => Filter.StateKey is null || d.Goals.Count > 0)
            .ToList();
}
