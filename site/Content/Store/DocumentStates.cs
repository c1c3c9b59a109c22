using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.Store;

/// <summary>
/// A document as the backoffice's lists describe it (approvals, publication sets, schedules): its pointers, slug,
/// whether it is in the recycle bin, the current draft's title and, for a goal, its 部局 and 年度.
/// </summary>
public sealed record DocumentState(Guid Id, DocumentKind Kind, string DraftTitle, int DraftVersion, int? PublishedVersion, string Slug, bool Deleted, string? DepartmentName, int? FiscalYear)
{
    /// <summary>「政策企画部 令和6年度」 for a goal, 「ページ」 for a page.</summary>
    public string Where => WhereOf(DepartmentName, FiscalYear);

    public static string WhereOf(string? departmentName, int? fiscalYear) =>
        departmentName is null ? "ページ" : $"{departmentName} {JapaneseFiscalYear.Label(fiscalYear ?? 0)}";
}

public static class DocumentStates
{
    /// <summary>The states of the documents, in one query; an id without a document is absent from the result.</summary>
    public static async Task<Dictionary<Guid, DocumentState>> ReadDocumentStatesAsync(this PortalDbContext db, IReadOnlyCollection<Guid> documentIds, CancellationToken ct)
    {
        var rows = await (
            from d in db.Documents.AsNoTracking()
            join v in db.Versions.AsNoTracking() on new { DocumentId = d.Id, Number = d.DraftVersion } equals new { v.DocumentId, v.Number }
            where documentIds.Contains(d.Id)
            select new
            {
                d.Id,
                d.Kind,
                v.Title,
                d.DraftVersion,
                d.PublishedVersion,
                d.Slug,
                Deleted = d.DeletedUtc != null,
                Year = db.FiscalYears.Where(y => y.Id == d.FiscalYearId).Select(y => new { y.Year, y.Department!.Name }).FirstOrDefault(),
            }).ToListAsync(ct);
        return rows.ToDictionary(
            r => r.Id,
            r => new DocumentState(r.Id, r.Kind, r.Title, r.DraftVersion, r.PublishedVersion, r.Slug, r.Deleted, r.Year?.Name, r.Year?.Year));
    }
}
