using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Backoffice.PublicationSets;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

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

    /// <summary>The draft has changes the public site does not show yet.</summary>
    public bool HasUnpublishedChanges => PublishedVersion != DraftVersion;

    public string StateLabel => (IsPublished, HasUnpublishedChanges) switch
    {
        (false, _) => "未公開",
        (true, true) => "公開中（未公開の変更あり）",
        (true, false) => "公開中",
    };
}

/// <param name="GoalCount">Every goal of the year, also when <paramref name="Goals"/> holds only one page of them or none.</param>
/// <param name="Opened">Whether <paramref name="Goals"/> was loaded (the dashboard opens one year at a time).</param>
public sealed record TreeFiscalYear(int Id, int Year, string Slug, string Heading, int GoalCount, bool Opened, int Page, int PageCount, IReadOnlyList<TreeDocument> Goals);

public sealed record TreeDepartment(int Id, string Slug, string Name, bool Editable, IReadOnlyList<TreeFiscalYear> Years);

/// <summary>Which departments the tree shows: those matching the filter, one page of them.</summary>
/// <param name="Filter">Part of a department's name or slug; null shows every department.</param>
/// <param name="Matching">Departments matching the filter, on every page.</param>
public sealed record TreeDepartmentPage(string? Filter, int Page, int PageCount, int Matching);

/// <param name="Departments">The departments of <paramref name="DepartmentPage"/> only.</param>
public sealed record ContentTree(IReadOnlyList<TreeDepartment> Departments, IReadOnlyList<TreeDocument> Pages, TreeDepartmentPage DepartmentPage);

/// <summary>Which departments and years of the tree to show, which to fill with their goals, and how much detail to load.</summary>
/// <param name="YearId">The one year to open; null with <paramref name="AllYears"/> false opens none.</param>
/// <param name="WithDetails">Initiatives and workflow tags (the dashboard); the structure page needs titles only.</param>
/// <param name="DepartmentFilter">Part of a department's name or slug; null or blank: every department.</param>
/// <param name="DepartmentPage">The page of departments; null: the page holding the opened year's department, else the first.</param>
public sealed record TreeOpening(bool AllYears, int? YearId, int Page, int PageSize, bool WithDetails, string? DepartmentFilter, int? DepartmentPage, int DepartmentsPerPage)
{
    public const int GoalsPerPage = 50;

    /// <summary>
    /// Departments a page of the dashboard's tree: each brings its years' lines (about 800 bytes a year), so this
    /// keeps the tree within about 2.5 times its size at the seed's one department, at any number of departments.
    /// </summary>
    public const int DepartmentsPerPageShown = 15;

    /// <summary>Every goal of every year of every department, titles only: the structure page, which reorders them.</summary>
    public static readonly TreeOpening Everything = new(true, null, 1, int.MaxValue, false, null, null, int.MaxValue);

    /// <summary>One page of departments (filtered by name) with their years and counts, one year opened on one page of its goals.</summary>
    public static TreeOpening Year(int? yearId, int page, string? departmentFilter = null, int? departmentPage = null) =>
        new(false, yearId, Math.Max(1, page), GoalsPerPage, true, departmentFilter, departmentPage, DepartmentsPerPageShown);
}

/// <summary>
/// THE query for the backoffice content tree, drafts included (not cached: staff must see the truth).
/// The dashboard shows one page of departments (filtered by name when asked), opens one year at a time and
/// pages its goals, so the page stays small at any size of the site; the structure page asks for every goal's title.
/// </summary>
public sealed class ContentTreeQuery(PortalDbContext db)
{
    /// <param name="editableDepartmentIds">Departments the user may edit; null means all.</param>
    public async Task<ContentTree> LoadAsync(IReadOnlySet<int>? editableDepartmentIds, TreeOpening opening, CancellationToken ct = default)
    {
        var filter = NormalizedFilter(opening.DepartmentFilter);
        var matchingIds = await Matching(filter).OrderBy(d => d.SortOrder).ThenBy(d => d.Slug).Select(d => d.Id).ToListAsync(ct);
        var departmentPageCount = PageCount(matchingIds.Count, opening.DepartmentsPerPage);
        var openedYearDepartment = opening.YearId is { } openYear
            ? await db.FiscalYears.AsNoTracking().Where(y => y.Id == openYear && y.DeletedUtc == null).Select(y => (int?)y.DepartmentId).FirstOrDefaultAsync(ct)
            : null;
        var departmentPage = Math.Clamp(
            opening.DepartmentPage ?? (openedYearDepartment is { } holding && matchingIds.IndexOf(holding) is >= 0 and var index ? index / opening.DepartmentsPerPage + 1 : 1),
            1,
            departmentPageCount);
        var shownIds = matchingIds.Skip((departmentPage - 1) * opening.DepartmentsPerPage).Take(opening.DepartmentsPerPage).ToList();
        var departments = await db.Departments.AsNoTracking()
            .Where(d => shownIds.Contains(d.Id))
            .Include(d => d.FiscalYears.Where(y => y.DeletedUtc == null))
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Slug)
            .ToListAsync(ct);

        var liveGoals = db.Documents.AsNoTracking().Where(d => d.DeletedUtc == null && d.Kind == DocumentKind.Goal);
        var goalCounts = await liveGoals.GroupBy(d => d.FiscalYearId)
            .Select(g => new { YearId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.YearId ?? 0, g => g.Count, ct);

        // A year opens only where it is shown: its department on this page of the (filtered) departments.
        var openedYearId = openedYearDepartment is { } shownDepartment && shownIds.Contains(shownDepartment) ? opening.YearId : null;
        var openedGoals = opening.AllYears ? liveGoals : liveGoals.Where(d => d.FiscalYearId == openedYearId);
        var openedPage = opening.AllYears || openedYearId is null
            ? 1
            : Math.Clamp(opening.Page, 1, PageCount(goalCounts.GetValueOrDefault(openedYearId.Value), opening.PageSize));
        var goalRows = opening.AllYears || openedYearId is not null
            ? await WithDraftsAsync(openedGoals.OrderBy(d => d.FiscalYearId).ThenBy(d => d.SortOrder).ThenBy(d => d.Slug)
                .Skip(opening.AllYears ? 0 : (openedPage - 1) * opening.PageSize)
                .Take(opening.PageSize), opening.WithDetails, ct)
            : [];
        var pageRows = await WithDraftsAsync(
            db.Documents.AsNoTracking().Where(d => d.DeletedUtc == null && d.Kind == DocumentKind.Page).OrderBy(d => d.SortOrder).ThenBy(d => d.Slug),
            opening.WithDetails,
            ct);

        var tags = opening.WithDetails
            ? await TagsAsync(goalRows.Concat(pageRows).Select(r => r.Document.Id).ToList(), ct)
            : new Dictionary<Guid, TreeTags>();
        TreeDocument ToTree(DraftRow row)
        {
            var d = row.Document;
            IReadOnlyList<(int, string)> initiatives = d.Kind == DocumentKind.Goal && row.Json is not null
                ? ContentJson.Deserialize<GoalContent>(row.Json).Initiatives.Select(i => (i.Number, i.Title)).ToList()
                : [];
            var documentTags = tags.GetValueOrDefault(d.Id, TreeTags.None);
            if (opening.WithDetails && d.ScheduledPublishUtc is not null)
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
                        var opened = opening.AllYears || openedYearId == year.Id;
                        return new TreeFiscalYear(year.Id, year.Year, year.Slug, year.Heading, count, opened,
                            opened ? openedPage : 1, PageCount(count, opening.PageSize), goalsByYear[year.Id].Select(ToTree).ToList());
                    })
                    .ToList()))
            .ToList();
        return new ContentTree(tree, pageRows.Select(ToTree).ToList(), new TreeDepartmentPage(filter, departmentPage, departmentPageCount, matchingIds.Count));
    }

    /// <summary>The year the dashboard opens when none is asked for: the newest year of the first department the user edits among those the filter shows.</summary>
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

    private static int PageCount(int count, int pageSize) => Math.Max(1, (int)Math.Ceiling(count / (double)pageSize));

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
