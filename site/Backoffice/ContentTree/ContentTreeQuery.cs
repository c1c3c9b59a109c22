using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Backoffice.Approvals;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.ContentTree;

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
    bool PendingApproval,
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

public sealed record TreeFiscalYear(int Id, int Year, string Slug, string Heading, IReadOnlyList<TreeDocument> Goals);

public sealed record TreeDepartment(int Id, string Slug, string Name, bool Editable, IReadOnlyList<TreeFiscalYear> Years);

public sealed record ContentTree(IReadOnlyList<TreeDepartment> Departments, IReadOnlyList<TreeDocument> Pages);

/// <summary>Reads the whole content tree, drafts included, for the backoffice (not cached: staff must see the truth).</summary>
public sealed class ContentTreeQuery(PortalDbContext db)
{
    /// <param name="editableDepartmentIds">Departments the user may edit; null means all.</param>
    public async Task<ContentTree> LoadAsync(IReadOnlySet<int>? editableDepartmentIds, CancellationToken ct = default)
    {
        var departments = await db.Departments.AsNoTracking()
            .Where(d => d.DeletedUtc == null)
            .Include(d => d.FiscalYears.Where(y => y.DeletedUtc == null))
            .OrderBy(d => d.SortOrder).ThenBy(d => d.Slug)
            .ToListAsync(ct);

        var documents = await (
            from d in db.Documents.AsNoTracking()
            join v in db.Versions.AsNoTracking() on new { DocumentId = d.Id, Number = d.DraftVersion } equals new { v.DocumentId, v.Number }
            where d.DeletedUtc == null
            select new { Document = d, v.Title, v.Json }).ToListAsync(ct);

        var pending = (await db.ApprovalRequests.AsNoTracking()
            .Where(a => a.Status == ApprovalStatus.Pending)
            .Select(a => a.DocumentId)
            .ToListAsync(ct)).ToHashSet();

        TreeDocument ToTree(ContentDocument d, string title, string json)
        {
            IReadOnlyList<(int, string)> initiatives = d.Kind == DocumentKind.Goal
                ? ContentJson.Deserialize<GoalContent>(json).Initiatives.Select(i => (i.Number, i.Title)).ToList()
                : [];
            return new TreeDocument(d.Id, d.Kind, d.Slug, title, d.SortOrder, d.DraftVersion, d.PublishedVersion, d.UpdatedUtc,
                d.ScheduledPublishUtc, d.ScheduledUnpublishUtc, pending.Contains(d.Id), initiatives);
        }

        var goalsByYear = documents.Where(x => x.Document.Kind == DocumentKind.Goal).ToLookup(x => x.Document.FiscalYearId);
        var tree = departments.Select(department => new TreeDepartment(
                department.Id,
                department.Slug,
                department.Name,
                editableDepartmentIds is null || editableDepartmentIds.Contains(department.Id),
                department.FiscalYears.OrderByDescending(y => y.Year).Select(year => new TreeFiscalYear(
                        year.Id, year.Year, year.Slug, year.Heading,
                        goalsByYear[year.Id].Select(x => ToTree(x.Document, x.Title, x.Json)).OrderBy(g => g.SortOrder).ThenBy(g => g.Slug).ToList()))
                    .ToList()))
            .ToList();

        var pages = documents.Where(x => x.Document.Kind == DocumentKind.Page)
            .Select(x => ToTree(x.Document, x.Title, x.Json))
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Slug)
            .ToList();
        return new ContentTree(tree, pages);
    }
}
