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

public sealed record ContentTree(IReadOnlyList<TreeDepartment> Departments, IReadOnlyList<TreeDocument> Pages);

/// <summary>Which years of the tree to fill with their goals, and how much detail to load.</summary>
/// <param name="YearId">The one year to open; null with <paramref name="AllYears"/> false opens none.</param>
/// <param name="WithDetails">Initiatives and workflow tags (the dashboard); the structure page needs titles only.</param>
public sealed record TreeOpening(bool AllYears, int? YearId, int Page, int PageSize, bool WithDetails)
{
    public const int GoalsPerPage = 50;

    /// <summary>Every goal of every year, titles only: the structure page, which reorders them.</summary>
    public static readonly TreeOpening Everything = new(true, null, 1, int.MaxValue, false);

    /// <summary>Departments and years with counts, one year opened on one page of its goals.</summary>
    public static TreeOpening Year(int? yearId, int page) => new(false, yearId, Math.Max(1, page), GoalsPerPage, true);
}

/// <summary>
/// THE query for the backoffice content tree, drafts included (not cached: staff must see the truth).
/// The dashboard opens one year at a time and pages its goals, so the page stays small at any size of
/// the site; the structure page asks for every goal's title.
/// </summary>
public sealed class ContentTreeQuery(PortalDbContext db)
{
    /// <param name="editableDepartmentIds">Departments the user may edit; null means all.</param>
    public async Task<ContentTree> LoadAsync(IReadOnlySet<int>? editableDepartmentIds, TreeOpening opening, CancellationToken ct = default)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.DeletedUtc == null)
            .Include(d => d.FiscalYears.Where(y => y.DeletedUtc == null))
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Slug)
            .ToListAsync(ct);

        var liveGoals = db.Documents.AsNoTracking().Where(d => d.DeletedUtc == null && d.Kind == DocumentKind.Goal);
        var goalCounts = await liveGoals.GroupBy(d => d.FiscalYearId)
            .Select(g => new { YearId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.YearId ?? 0, g => g.Count, ct);

        var openedGoals = opening.AllYears ? liveGoals : liveGoals.Where(d => d.FiscalYearId == opening.YearId);
        var openedPage = opening.AllYears || opening.YearId is null
            ? 1
            : Math.Clamp(opening.Page, 1, PageCount(goalCounts.GetValueOrDefault(opening.YearId.Value), opening.PageSize));
        var goalRows = opening.AllYears || opening.YearId is not null
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
                        var opened = opening.AllYears || opening.YearId == year.Id;
                        return new TreeFiscalYear(year.Id, year.Year, year.Slug, year.Heading, count, opened,
                            opened ? openedPage : 1, PageCount(count, opening.PageSize), goalsByYear[year.Id].Select(ToTree).ToList());
                    })
                    .ToList()))
            .ToList();
        return new ContentTree(tree, pageRows.Select(ToTree).ToList());
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
