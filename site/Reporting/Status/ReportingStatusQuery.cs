using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Accounts;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Reporting.Status;

/// <summary>
/// Derives each goal's 中間報告 and 期末報告 state from where each part lives: the report text in the
/// draft and published versions (DocumentVersions), the open or sent-back 承認依頼 (ApprovalRequests) and
/// the scheduled publish (Documents.ScheduledPublishUtc). The 報告状況 page and the reminders both read it.
/// </summary>
public sealed class ReportingStatusQuery(PortalDbContext db, ReportingCalendar calendar, UserManager<PortalUser> users)
{
    public int CurrentFiscalYear => calendar.CurrentFiscalYear;

    /// <summary>null = every department (管理者, 広報); otherwise the 部局担当's assigned departments.</summary>
    public async Task<IReadOnlySet<int>?> VisibleDepartmentsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.IsInRole(BackofficeRoles.Administrator) || user.IsInRole(BackofficeRoles.PublicRelations))
        {
            return null;
        }

        var userId = users.GetUserId(user);
        return (await db.UserDepartments.Where(d => d.UserId == userId).Select(d => d.DepartmentId).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>Every (visible) department, in their order, with its goals of <paramref name="fiscalYear"/> in priority order.</summary>
    public async Task<ReportingStatusReport> ForYearAsync(int fiscalYear, IReadOnlySet<int>? departmentIds, CancellationToken ct = default)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.DeletedUtc == null)
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Name })
            .ToListAsync(ct);
        departments = departments.Where(d => departmentIds is null || departmentIds.Contains(d.Id)).ToList();
        var departmentIdList = departments.Select(d => d.Id).ToList();

        var years = await db.FiscalYears.AsNoTracking()
            .Where(y => y.Year == fiscalYear && y.DeletedUtc == null && departmentIdList.Contains(y.DepartmentId))
            .ToListAsync(ct);
        var yearIds = years.Select(y => (int?)y.Id).ToList();

        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.Goal && d.DeletedUtc == null && yearIds.Contains(d.FiscalYearId))
            .ToListAsync(ct);
        var documentIds = documents.Select(d => d.Id).ToList();

        // Only the draft and the published version of each goal, not its whole history.
        var versions = await (
                from v in db.Versions.AsNoTracking()
                join d in db.Documents on v.DocumentId equals d.Id
                where documentIds.Contains(d.Id) && (v.Number == d.DraftVersion || v.Number == d.PublishedVersion)
                select new { v.DocumentId, v.Number, v.Json })
            .ToListAsync(ct);
        var contents = versions.ToDictionary(v => (v.DocumentId, v.Number), v => ContentJson.Deserialize<GoalContent>(v.Json));

        var requests = await db.ApprovalRequests.AsNoTracking()
            .Where(a => documentIds.Contains(a.DocumentId))
            .Select(a => new { a.DocumentId, a.Id, a.RequestedUtc, a.Status })
            .ToListAsync(ct);
        var latestRequest = requests
            .GroupBy(r => r.DocumentId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.RequestedUtc).ThenByDescending(r => r.Id).First().Status);

        var today = calendar.TodayInJapan;
        return new ReportingStatusReport(fiscalYear, today, departments.Select(department =>
        {
            var year = years.SingleOrDefault(y => y.DepartmentId == department.Id);
            if (year is null)
            {
                return new DepartmentReportingStatus(department.Id, department.Name, null, []);
            }

            var cycle = new ReportingCycle(year.Year, year.MidtermReportMonth, year.FinalReportMonth);
            var goals = documents
                .Where(d => d.FiscalYearId == year.Id)
                .Select(document =>
                {
                    var draft = contents.GetValueOrDefault((document.Id, document.DraftVersion)) ?? new GoalContent();
                    var published = document.PublishedVersion is { } p ? contents.GetValueOrDefault((document.Id, p)) : null;
                    var request = latestRequest.TryGetValue(document.Id, out var status) ? status : (ApprovalStatus?)null;
                    ReportStatus Report(ReportKind kind) =>
                        new(kind, Progress(kind, document, draft, published, request), cycle.Due(kind), today, Written(draft, kind), draft.Initiatives.Count);
                    return new GoalReportingStatus(document.Id, draft.Title, draft.Priority, Report(ReportKind.Midterm), Report(ReportKind.Final));
                })
                .OrderBy(g => g.Priority).ThenBy(g => g.Title, StringComparer.Ordinal)
                .ToList();
            return new DepartmentReportingStatus(department.Id, department.Name, year.Id, goals);
        }).ToList());
    }

    private static ReportProgress Progress(ReportKind kind, ContentDocument document, GoalContent draft, GoalContent? published, ApprovalStatus? latestRequest)
    {
        if (published is not null && published.Initiatives.Count > 0 && Written(published, kind) == published.Initiatives.Count)
        {
            return ReportProgress.Published;
        }

        if (Written(draft, kind) == 0)
        {
            return ReportProgress.NotStarted;
        }

        // The draft holds the report: what happens to the draft next says where the report is.
        return document.ScheduledPublishUtc is not null ? ReportProgress.Scheduled
            : latestRequest == ApprovalStatus.Pending ? ReportProgress.AwaitingApproval
            : latestRequest == ApprovalStatus.Rejected ? ReportProgress.SentBack
            : ReportProgress.Draft;
    }

    private static int Written(GoalContent content, ReportKind kind) =>
        content.Initiatives.Count(i => !string.IsNullOrWhiteSpace((kind == ReportKind.Midterm ? i.MidtermReport : i.FinalReport)?.Text));
}
