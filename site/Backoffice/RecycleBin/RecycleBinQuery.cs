using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.RecycleBin;

public enum RecycleBinItemKind
{
    Department,
    FiscalYear,
    Goal,
    Page,
    Media,
}

/// <summary>One thing in the recycle bin, with where it came from and what went with it.</summary>
public sealed record RecycleBinItem(
    RecycleBinItemKind Kind,
    string Id,
    string Name,
    string Location,
    string? Contents,
    DateTime DeletedUtc,
    string? DeletedBy,
    string? RestoreBlockedBy)
{
    public string KindLabel => Kind switch
    {
        RecycleBinItemKind.Department => "部局",
        RecycleBinItemKind.FiscalYear => "年度",
        RecycleBinItemKind.Goal => "重点目標",
        RecycleBinItemKind.Page => "ページ",
        _ => "画像",
    };
}

/// <summary>Reads the recycle bin: deleted departments, fiscal years, goals, pages and images, newest first.</summary>
public sealed class RecycleBinQuery(PortalDbContext db)
{
    public async Task<IReadOnlyList<RecycleBinItem>> LoadAsync(CancellationToken ct = default)
    {
        var items = new List<RecycleBinItem>();

        var departments = await db.Departments.AsNoTracking().Where(d => d.DeletedUtc != null)
            .Select(d => new
            {
                d.Id,
                d.Name,
                d.Slug,
                DeletedUtc = d.DeletedUtc!.Value,
                Years = d.FiscalYears.Count(y => y.DeletedUtc == null),
                Goals = db.Documents.Count(doc => doc.DeletedUtc == null && d.FiscalYears.Any(y => y.DeletedUtc == null && y.Id == doc.FiscalYearId)),
            })
            .ToListAsync(ct);
        items.AddRange(departments.Select(d => new RecycleBinItem(
            RecycleBinItemKind.Department, d.Id.ToString(), d.Name, $"部局の一覧（/{d.Slug}/）", $"年度{d.Years}件・重点目標{d.Goals}件を含む", d.DeletedUtc, null, null)));

        var years = await db.FiscalYears.AsNoTracking().Where(y => y.DeletedUtc != null)
            .Select(y => new
            {
                y.Id,
                y.Heading,
                y.Slug,
                DeletedUtc = y.DeletedUtc!.Value,
                Department = y.Department!.Name,
                DepartmentSlug = y.Department.Slug,
                DepartmentDeleted = y.Department.DeletedUtc != null,
                Goals = db.Documents.Count(doc => doc.FiscalYearId == y.Id && doc.DeletedUtc == null),
            })
            .ToListAsync(ct);
        items.AddRange(years.Select(y => new RecycleBinItem(
            RecycleBinItemKind.FiscalYear, y.Id.ToString(), y.Heading, $"{y.Department}{(y.DepartmentDeleted ? "（ごみ箱の中）" : "")}（/{y.DepartmentSlug}/{y.Slug}/）",
            $"重点目標{y.Goals}件を含む", y.DeletedUtc, null, y.DepartmentDeleted ? $"部局「{y.Department}」" : null)));

        var documents = await (
            from d in db.Documents.AsNoTracking()
            join v in db.Versions.AsNoTracking() on new { DocumentId = d.Id, Number = d.DraftVersion } equals new { v.DocumentId, v.Number }
            where d.DeletedUtc != null
            select new { d.Id, d.Kind, d.Slug, d.FiscalYearId, DeletedUtc = d.DeletedUtc!.Value, v.Title, Published = d.PublishedVersion != null }).ToListAsync(ct);
        var yearIds = documents.Where(d => d.FiscalYearId != null).Select(d => d.FiscalYearId!.Value).Distinct().ToList();
        var places = await db.FiscalYears.AsNoTracking().Where(y => yearIds.Contains(y.Id))
            .Select(y => new { y.Id, y.Heading, y.Slug, YearDeleted = y.DeletedUtc != null, Department = y.Department!.Name, DepartmentSlug = y.Department.Slug, DepartmentDeleted = y.Department.DeletedUtc != null })
            .ToDictionaryAsync(y => y.Id, ct);
        foreach (var document in documents)
        {
            if (document.Kind == DocumentKind.Goal && document.FiscalYearId is { } yearId && places.TryGetValue(yearId, out var place))
            {
                var location = $"{place.Department}{(place.DepartmentDeleted ? "（ごみ箱の中）" : "")} > {place.Heading}{(place.YearDeleted ? "（ごみ箱の中）" : "")}（/{place.DepartmentSlug}/{place.Slug}/{document.Slug}/）";
                var blocked = place.DepartmentDeleted ? $"部局「{place.Department}」" : place.YearDeleted ? $"「{place.Department} {place.Heading}」" : null;
                items.Add(new RecycleBinItem(RecycleBinItemKind.Goal, document.Id.ToString(), document.Title, location, document.Published ? "公開されていた" : "未公開", document.DeletedUtc, null, blocked));
            }
            else
            {
                items.Add(new RecycleBinItem(RecycleBinItemKind.Page, document.Id.ToString(), document.Title, $"ページ（/pages/{document.Slug}）", document.Published ? "公開されていた" : "未公開", document.DeletedUtc, null, null));
            }
        }

        var media = await db.Media.AsNoTracking().Where(m => m.DeletedUtc != null)
            .Select(m => new { m.Id, m.OriginalName, m.AltText, m.FileName, DeletedUtc = m.DeletedUtc!.Value })
            .ToListAsync(ct);
        items.AddRange(media.Select(m => new RecycleBinItem(
            RecycleBinItemKind.Media, m.Id.ToString(), $"{m.AltText}（{m.OriginalName}）", $"画像（/media/{m.FileName}）", null, m.DeletedUtc, null, null)));

        return await WithDeletedByAsync(items, ct);
    }

    /// <summary>Who moved each item to the bin, read from the audit log (the tables keep only when).</summary>
    private async Task<IReadOnlyList<RecycleBinItem>> WithDeletedByAsync(List<RecycleBinItem> items, CancellationToken ct)
    {
        var targets = items.Select(Target).ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.Action == AuditActions.ContentDelete || a.Action == AuditActions.MediaDelete) && targets.Contains(a.Target!))
            .Select(a => new { a.Target, a.Actor, a.Utc, a.Id })
            .ToListAsync(ct);
        var latest = entries.GroupBy(a => a.Target!).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Id).First().Actor);
        return items
            .Select(item => item with { DeletedBy = latest.GetValueOrDefault(Target(item)) })
            .OrderByDescending(item => item.DeletedUtc)
            .ToList();
    }

    public static string Target(RecycleBinItem item) => item.Kind switch
    {
        RecycleBinItemKind.Department => ContentStore.DepartmentTarget(int.Parse(item.Id)),
        RecycleBinItemKind.FiscalYear => ContentStore.FiscalYearTarget(int.Parse(item.Id)),
        RecycleBinItemKind.Goal => ContentStore.DocumentTarget(DocumentKind.Goal, Guid.Parse(item.Id)),
        RecycleBinItemKind.Page => ContentStore.DocumentTarget(DocumentKind.Page, Guid.Parse(item.Id)),
        _ => $"media:{item.Id}",
    };
}
