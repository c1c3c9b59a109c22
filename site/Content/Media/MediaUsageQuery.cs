using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.Media;

/// <summary>A document whose draft or published Markdown shows an image.</summary>
public sealed record MediaUse(Guid DocumentId, DocumentKind Kind, string Title, bool InPublished, bool InDraft)
{
    public string EditorPath => Kind == DocumentKind.Goal ? $"/backoffice/goals/{DocumentId}" : $"/backoffice/pages/{DocumentId}";

    public string Label => (InPublished, InDraft) switch
    {
        (true, true) => "公開中・下書き",
        (true, false) => "公開中（下書きでは削除済み）",
        _ => "下書きのみ",
    };
}

/// <summary>使用箇所: which live documents' draft or published versions show an image (by its /media/ URL in the Markdown).</summary>
public sealed class MediaUsageQuery(PortalDbContext db)
{
    public async Task<IReadOnlyList<MediaUse>> ForAsync(MediaItem item, CancellationToken ct = default) =>
        (await ForAsync([item], ct))[item.Id];

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<MediaUse>>> ForAsync(IReadOnlyCollection<MediaItem> items, CancellationToken ct = default)
    {
        // Only the current draft and published versions count (history is not a page), and only those that
        // mention /media/ at all: images are rare in goal text, so this reads few rows at any size of the site.
        var versions = await (
            from d in db.Documents.AsNoTracking()
            join v in db.Versions.AsNoTracking() on d.Id equals v.DocumentId
            where d.DeletedUtc == null
                && (v.Number == d.DraftVersion || v.Number == d.PublishedVersion)
                && v.Json.Contains("/media/")
            select new { d.Id, d.Kind, d.DraftVersion, d.PublishedVersion, v.Number, v.Title, v.Json }).ToListAsync(ct);

        return items.ToDictionary(
            item => item.Id,
            item =>
            {
                var path = MediaLibrary.PublicPath(item);
                return (IReadOnlyList<MediaUse>)versions
                    .Where(v => v.Json.Contains(path, StringComparison.Ordinal))
                    .GroupBy(v => v.Id)
                    .Select(g => new MediaUse(
                        g.Key,
                        g.First().Kind,
                        (g.FirstOrDefault(v => v.Number == v.DraftVersion) ?? g.First()).Title,
                        g.Any(v => v.Number == v.PublishedVersion),
                        g.Any(v => v.Number == v.DraftVersion)))
                    .OrderByDescending(u => u.InPublished).ThenBy(u => u.Title, StringComparer.Ordinal)
                    .ToList();
            });
    }
}
