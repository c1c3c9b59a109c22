using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Backoffice.PublicationSets;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Kernel;

namespace UedaPublicGoals.Backoffice.ContentTree;

/// <summary>Workflow states shown as text tags next to a document in the tree.</summary>
/// <param name="Scheduled">予約済み: a scheduled publish, or a member of a pending publication set.</param>
/// <param name="PendingApproval">承認待ち: a 承認依頼 waits for 広報.</param>
/// <param name="SentBack">差し戻し: the newest 承認依頼 was sent back.</param>
public sealed record TreeTags(bool Scheduled, bool PendingApproval, bool SentBack)
{
    public static readonly TreeTags None = new(false, false, false);

    public IEnumerable<string> Labels()
    {
        if (Scheduled)
        {
            yield return "予約済み";
        }

        if (PendingApproval)
        {
            yield return "承認待ち";
        }

        if (SentBack)
        {
            yield return "差し戻し";
        }
    }
}

public sealed record TreeDocument(
    Guid Id,
    DocumentKind Kind,
    string Slug,
    string Title,
    int SortOrder,
    int DraftVersion,
    int? PublishedVersion,
    DateTime UpdatedUtc,
    DateTime? ScheduledPublishUtc,
    DateTime? ScheduledUnpublishUtc,
    TreeTags Tags,
    IReadOnlyList<(int Number, string Title)> Initiatives)
{
    public bool IsPublished => PublishedVersion is not null;

    public DraftState State => DraftStates.Of(PublishedVersion, DraftVersion);
}

/// <param name="GoalCount">Every goal of the year, also when <paramref name="Goals"/> holds only one page of them or none.</param>
/// <param name="Opened">Whether <paramref name="Goals"/> was loaded (the tree opens one year at a time).</param>
/// <param name="GoalOffset">How many of the year's goals come before the first of <paramref name="Goals"/>.</param>
public sealed record TreeFiscalYear(int Id, int Year, string Slug, string Heading, int GoalCount, bool Opened, int Page, int PageCount, int GoalOffset, IReadOnlyList<TreeDocument> Goals)
{
    /// <summary>Whether the goal at <paramref name="index"/> on this page is the year's first (it cannot move up).</summary>
    public bool IsFirstGoal(int index) => GoalOffset + index == 0;

    /// <summary>Whether the goal at <paramref name="index"/> on this page is the year's last (it cannot move down).</summary>
    public bool IsLastGoal(int index) => GoalOffset + index == GoalCount - 1;
}

public sealed record TreeDepartment(int Id, string Slug, string Name, bool Editable, IReadOnlyList<TreeFiscalYear> Years);

/// <summary>Which departments the tree shows: those matching the filter, one page of them.</summary>
/// <param name="Filter">Part of a department's name or slug; null shows every department.</param>
/// <param name="Matching">Departments matching the filter, on every page.</param>
/// <param name="Offset">How many matching departments come before this page's first.</param>
public sealed record TreeDepartmentPage(string? Filter, int Page, int PageCount, int Matching, int Offset)
{
    /// <summary>Whether the department at <paramref name="index"/> on this page is the first matching one.</summary>
    public bool IsFirst(int index) => Offset + index == 0;

    /// <summary>Whether the department at <paramref name="index"/> on this page is the last matching one.</summary>
    public bool IsLast(int index) => Offset + index == Matching - 1;
}

/// <param name="Departments">The departments of <paramref name="DepartmentPage"/> only.</param>
/// <param name="Layout">The sizes the pages were cut to.</param>
public sealed record ContentTree(IReadOnlyList<TreeDepartment> Departments, IReadOnlyList<TreeDocument> Pages, TreeDepartmentPage DepartmentPage, TreeLayout Layout);

/// <summary>Which departments and years of the tree to show, which year to fill with one page of its goals, and how much detail to load.</summary>
/// <param name="YearId">The one year to open; null opens none.</param>
/// <param name="DepartmentFilter">Part of a department's name or slug; null or blank: every department.</param>
/// <param name="DepartmentPage">The page of departments; null: the page holding the opened year's department, else the first.</param>
public sealed record TreeOpening(int? YearId, int Page, string? DepartmentFilter, int? DepartmentPage, TreeLayout Layout)
{
    /// <summary>Goals a page of an opened year on the dashboard.</summary>
    public const int GoalsPerPage = 50;

    /// <summary>
    /// Departments a page of the dashboard's tree: each brings its years' lines (about 800 bytes a year), so this
    /// keeps the tree within about 2.5 times its size at the seed's one department, at any number of departments.
    /// </summary>
    public const int DepartmentsPerPageShown = 15;

    /// <summary>Goals a page of an opened year on the structure page.</summary>
    public const int StructureGoalsPerPage = 10;

    /// <summary>Departments a page of the structure page.</summary>
    public const int StructureDepartmentsPerPage = 8;
}

/// <summary>How many departments, and goals of the opened year, one page of the tree shows (the same paging, sized per page), and how much detail.</summary>
/// <param name="WithDetails">Initiatives and workflow tags (the dashboard); the structure page needs titles only.</param>
public sealed record TreeLayout(int DepartmentsPerPage, int GoalsPerPage, bool WithDetails)
{
    public static readonly TreeLayout Dashboard = new(TreeOpening.DepartmentsPerPageShown, TreeOpening.GoalsPerPage, WithDetails: true);

    /// <summary>
    /// Each row of the structure page carries up to four buttons named after it (about 1.2 KB a goal, 2.4 KB a
    /// department with two years), so it shows fewer rows a page than the dashboard to stay within about 2.5 times
    /// its size at the seed's one department.
    /// </summary>
    public static readonly TreeLayout Structure = new(TreeOpening.StructureDepartmentsPerPage, TreeOpening.StructureGoalsPerPage, WithDetails: false);
}

/// <summary>
/// THE query for the backoffice content tree, drafts included (not cached: staff must see the truth). The
/// dashboard and the structure page both show one page of departments (filtered by name when asked), open one
/// year at a time and page its goals, so either page stays small at any size of the site.
/// </summary>
public sealed class ContentTreeQuery(PortalDbContext db)
{
    /// <summary>The tree as the dashboard's and the structure page's GET parameters ask for it.</summary>
    /// <param name="editableDepartmentIds">Departments the user may edit; null means all.</param>
    /// <param name="open">The year to open; 0 closes every year; absent opens <see cref="DefaultYearAsync"/> unless a department page is asked for.</param>
    /// <param name="filter">Part of a department's name (or slug).</param>
    /// <param name="departmentPage">Page of the departments; absent: the page of the opened year.</param>
    /// <param name="page">Page of the opened year's goals.</param>
    /// <param name="layout"><see cref="TreeLayout.Dashboard"/> or <see cref="TreeLayout.Structure"/>.</param>
    public async Task<ContentTree> LoadAsync(IReadOnlySet<int>? editableDepartmentIds, int? open, string? filter, int? departmentPage, int page, TreeLayout layout, CancellationToken ct = default)
    {
        var year = open ?? (departmentPage is null ? await DefaultYearAsync(editableDepartmentIds, filter, ct) : null);
        return await LoadAsync(editableDepartmentIds, new TreeOpening(year, page, filter, departmentPage, layout), ct);
    }

    /// <param name="editableDepartmentIds">Departments the user may edit; null means all.</param>
    public async Task<ContentTree> LoadAsync(IReadOnlySet<int>? editableDepartmentIds, TreeOpening opening, CancellationToken ct = default)
    {
        var (departmentsPerPage, goalsPerPage, withDetails) = opening.Layout;
        var filter = NormalizedFilter(opening.DepartmentFilter);
        var matchingIds = await Ordered(Matching(filter)).Select(d => d.Id).ToListAsync(ct);
        var departmentPageCount = Paging.PageCount(matchingIds.Count, departmentsPerPage);
        var openedYearDepartment = opening.YearId is { } openYear
            ? await db.FiscalYears.AsNoTracking().Where(y => y.Id == openYear && y.DeletedUtc == null).Select(y => (int?)y.DepartmentId).FirstOrDefaultAsync(ct)
            : null;
        var departmentPage = Math.Clamp(
            opening.DepartmentPage ?? (openedYearDepartment is { } holding && matchingIds.IndexOf(holding) is >= 0 and var index ? Paging.PageHolding(index, departmentsPerPage) : 1),
            1,
            departmentPageCount);
        var departmentOffset = (departmentPage - 1) * departmentsPerPage;
        var shownIds = matchingIds.Skip(departmentOffset).Take(departmentsPerPage).ToList();
        var departments = await Ordered(db.Departments.AsNoTracking().Where(d => shownIds.Contains(d.Id)))
            .Include(d => d.FiscalYears.Where(y => y.DeletedUtc == null))
            .ToListAsync(ct);

        // Counted for the shown years only, so the cost follows the page, not the site.
        var liveGoals = LiveGoals();
        var shownYearIds = departments.SelectMany(d => d.FiscalYears).Select(y => (int?)y.Id).ToList();
        var goalCounts = await liveGoals.Where(d => shownYearIds.Contains(d.FiscalYearId))
            .GroupBy(d => d.FiscalYearId)
            .Select(g => new { YearId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.YearId ?? 0, g => g.Count, ct);

        // A year opens only where it is shown: its department on this page of the (filtered) departments.
        var openedYearId = openedYearDepartment is { } shownDepartment && shownIds.Contains(shownDepartment) ? opening.YearId : null;
        var openedPage = openedYearId is null ? 1 : Math.Clamp(opening.Page, 1, Paging.PageCount(goalCounts.GetValueOrDefault(openedYearId.Value), goalsPerPage));
        var goalRows = openedYearId is not null
            ? await WithDraftsAsync(Ordered(liveGoals.Where(d => d.FiscalYearId == openedYearId)).Skip(Paging.Offset(openedPage, goalsPerPage)).Take(goalsPerPage), withDetails, ct)
            : [];
        var pageRows = await WithDraftsAsync(
            Ordered(db.Documents.AsNoTracking().Where(d => d.DeletedUtc == null && d.Kind == DocumentKind.Page)),
            withDetails,
            ct);

        var tags = withDetails
            ? await TagsAsync(goalRows.Concat(pageRows).Select(r => r.Document.Id).ToList(), ct)
            : new Dictionary<Guid, TreeTags>();
        TreeDocument ToTree(DraftRow row)
        {
            var d = row.Document;
            IReadOnlyList<(int, string)> initiatives = d.Kind == DocumentKind.Goal && row.Json is not null
                ? ContentJson.Deserialize<GoalContent>(row.Json).Initiatives.Select(i => (i.Number, i.Title)).ToList()
                : [];
            var documentTags = tags.GetValueOrDefault(d.Id, TreeTags.None);
            if (withDetails && d.ScheduledPublishUtc is not null)
            {
                documentTags = documentTags with { Scheduled = true };
            }

            return new TreeDocument(d.Id, d.Kind, d.Slug, row.Title, d.SortOrder, d.DraftVersion, d.PublishedVersion, d.UpdatedUtc,
                d.ScheduledPublishUtc, d.ScheduledUnpublishUtc, documentTags, initiatives);
        }

        var goalsByYear = goalRows.ToLookup(r => r.Document.FiscalYearId);
        var tree = departments.Select(department => new TreeDepartment(
                department.Id,
                department.Slug,
                department.Name,
                editableDepartmentIds is null || editableDepartmentIds.Contains(department.Id),
                department.FiscalYears.OrderByDescending(y => y.Year).Select(year =>
                    {
                        var count = goalCounts.GetValueOrDefault(year.Id);
                        var opened = openedYearId == year.Id;
                        return new TreeFiscalYear(year.Id, year.Year, year.Slug, year.Heading, count, opened, opened ? openedPage : 1, Paging.PageCount(count, goalsPerPage),
                            opened ? (openedPage - 1) * goalsPerPage : 0, goalsByYear[year.Id].Select(ToTree).ToList());
                    })
                    .ToList()))
            .ToList();
        return new ContentTree(tree, pageRows.Select(ToTree).ToList(), new TreeDepartmentPage(filter, departmentPage, departmentPageCount, matchingIds.Count, departmentOffset), opening.Layout);
    }

    /// <summary>The unfiltered page of departments that holds a department: where the structure page shows it after a change.</summary>
    public async Task<int> DepartmentPageOfAsync(int departmentId, TreeLayout layout, CancellationToken ct = default)
    {
        var index = (await Ordered(Matching(null)).Select(d => d.Id).ToListAsync(ct)).IndexOf(departmentId);
        return Paging.PageHolding(Math.Max(0, index), layout.DepartmentsPerPage);
    }

    /// <summary>The page of its year's goals that holds a goal: where the structure page shows it after a move.</summary>
    public async Task<int> GoalPageOfAsync(Guid goalId, int fiscalYearId, TreeLayout layout, CancellationToken ct = default)
    {
        var index = (await Ordered(LiveGoals().Where(d => d.FiscalYearId == fiscalYearId)).Select(d => d.Id).ToListAsync(ct)).IndexOf(goalId);
        return Paging.PageHolding(Math.Max(0, index), layout.GoalsPerPage);
    }

    /// <summary>The year the tree opens when none is asked for: the newest year of the first department the user edits among those the filter shows.</summary>
    public async Task<int?> DefaultYearAsync(IReadOnlySet<int>? editableDepartmentIds, string? departmentFilter, CancellationToken ct = default)
    {
        var editable = editableDepartmentIds?.ToList();
        var departments = Matching(NormalizedFilter(departmentFilter)).Where(d => editable == null || editable.Contains(d.Id));
        return await db.FiscalYears.AsNoTracking()
            .Where(y => y.DeletedUtc == null && departments.Any(d => d.Id == y.DepartmentId))
            .OrderBy(y => y.Department!.SortOrder).ThenBy(y => y.Department!.Slug).ThenByDescending(y => y.Year)
            .Select(y => (int?)y.Id)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>Longest filter text kept (a department name may have 200 characters; nobody types half of one to find it).</summary>
    public const int FilterMaxLength = 100;

    private static string? NormalizedFilter(string? filter)
    {
        var trimmed = filter?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > FilterMaxLength ? trimmed[..FilterMaxLength] : trimmed;
    }

    /// <summary>Live departments whose name (or slug) contains the filter; every live department without one.</summary>
    private IQueryable<Department> Matching(string? filter)
    {
        var live = db.Departments.AsNoTracking().Where(d => d.DeletedUtc == null);
        if (filter is null)
        {
            return live;
        }

        var slugFilter = filter.ToLowerInvariant();
        return live.Where(d => d.Name.Contains(filter) || d.Slug.Contains(slugFilter));
    }

    /// <summary>The tree's one order of departments: the order the home page lists them in.</summary>
    private static IQueryable<Department> Ordered(IQueryable<Department> departments) => departments.OrderBy(d => d.SortOrder).ThenBy(d => d.Slug);

    /// <summary>The tree's one order of a year's goals and of the pages (the structure page's reordering changes it).</summary>
    private static IQueryable<ContentDocument> Ordered(IQueryable<ContentDocument> goals) => goals.OrderBy(d => d.SortOrder).ThenBy(d => d.Slug);

    private IQueryable<ContentDocument> LiveGoals() => db.Documents.AsNoTracking().Where(d => d.DeletedUtc == null && d.Kind == DocumentKind.Goal);

    private sealed record DraftRow(ContentDocument Document, string Title, string? Json);

    /// <summary>The documents with their draft's title (and JSON, for initiatives, only when asked).</summary>
    private async Task<List<DraftRow>> WithDraftsAsync(IQueryable<ContentDocument> documents, bool withJson, CancellationToken ct) =>
        await (
            from d in documents
            join v in db.Versions.AsNoTracking() on new { DocumentId = d.Id, Number = d.DraftVersion } equals new { v.DocumentId, v.Number }
            select new DraftRow(d, v.Title, withJson ? v.Json : null)).ToListAsync(ct);

    private async Task<Dictionary<Guid, TreeTags>> TagsAsync(IReadOnlyCollection<Guid> documentIds, CancellationToken ct)
    {
        var requests = await db.ApprovalRequests.AsNoTracking()
            .Where(a => documentIds.Contains(a.DocumentId))
            .Select(a => new { a.DocumentId, a.Id, a.Status })
            .ToListAsync(ct);
        var newestRequest = requests.GroupBy(r => r.DocumentId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!.Status);
        var inPendingSet = (await db.PublicationSetMembers.AsNoTracking()
            .Where(m => documentIds.Contains(m.DocumentId) && db.PublicationSets.Any(s => s.Id == m.SetId && s.Status == PublicationSetStatus.Pending))
            .Select(m => m.DocumentId)
            .ToListAsync(ct)).ToHashSet();
        // A scheduled publish is on the document row itself; the caller adds it.
        return documentIds.ToDictionary(id => id, id => new TreeTags(
            inPendingSet.Contains(id),
            requests.Any(r => r.DocumentId == id && r.Status == ApprovalStatus.Pending),
            newestRequest.GetValueOrDefault(id, ApprovalStatus.Pending) == ApprovalStatus.Rejected));
    }
}
