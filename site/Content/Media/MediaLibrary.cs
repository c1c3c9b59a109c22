using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Kernel;

namespace UedaPublicGoals.Content.Media;

public static class MediaLimits
{
    /// <summary>5 MB: plenty for a photo on a phone page.</summary>
    public const long MaxImageBytes = 5 * 1024 * 1024;

    /// <summary>
    /// The upload request may be larger than the image limit, so that a somewhat too large
    /// file still reaches the form and gets a clear message instead of a bare 413.
    /// </summary>
    public const long MaxUploadRequestBytes = 16 * 1024 * 1024;
}

/// <summary>
/// Uploaded images: stored under generated names (never the uploader's), recorded in the
/// Media table, soft-deleted to the recycle bin and removed from disk only when the bin is
/// emptied.
/// </summary>
public sealed class MediaLibrary(PortalDbContext db, AuditLog audit, TimeProvider clock, IOptions<MediaOptions> options, IWebHostEnvironment environment)
{
    public string StorageRoot { get; } = options.Value.ResolveStoragePath(environment.ContentRootPath);

    public MediaOptions Options { get; } = options.Value;

    /// <summary>
    /// Images <paramref name="user"/> uploaded in the last hour, including those since moved to the recycle bin
    /// (so uploading and deleting does not get round the rate limit). Counted in the database: every node sees the same.
    /// </summary>
    public Task<int> UploadsInLastHourAsync(string user, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow().UtcDateTime.AddHours(-1);
        return db.Media.AsNoTracking().CountAsync(m => m.UploadedBy == user && m.UploadedUtc > since, ct);
    }

    /// <summary>Bytes of images <paramref name="user"/> has stored, the recycle bin included (its files stay on disk until it is emptied).</summary>
    public Task<long> StoredBytesAsync(string user, CancellationToken ct = default) =>
        db.Media.AsNoTracking().Where(m => m.UploadedBy == user).SumAsync(m => m.Length, ct);

    public static string PublicPath(MediaItem item) => $"/media/{item.FileName}";

    /// <summary>![alt](/media/…) with the Markdown-significant characters of the alt text escaped.</summary>
    public static string MarkdownSnippet(MediaItem item) => MarkdownSnippet(item, item.AltText);

    /// <summary>The snippet with the alt text the editor typed for this use of the image.</summary>
    public static string MarkdownSnippet(MediaItem item, string altText)
    {
        var alt = altText.Trim().ReplaceLineEndings(" ").Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("[", "\\[", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
        return $"![{alt}]({PublicPath(item)})";
    }

    public async Task<MediaItem> AddAsync(ReadOnlyMemory<byte> bytes, SniffedImage image, string originalName, string altText, string user, CancellationToken ct = default)
    {
        var id = Guid.NewGuid();
        var item = new MediaItem
        {
            Id = id,
            FileName = $"{id:N}.{image.Extension}",
            OriginalName = Shorten(Path.GetFileName(originalName.Replace('\\', '/')), 260),
            ContentType = image.ContentType,
            Length = bytes.Length,
            Width = image.Width,
            Height = image.Height,
            AltText = altText.Trim(),
            UploadedBy = user,
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
        };

        Directory.CreateDirectory(StorageRoot);
        var path = Path.Combine(StorageRoot, item.FileName);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await file.WriteAsync(bytes, ct);
        }

        db.Media.Add(item);
        audit.Add(AuditActions.MediaUpload, Target(item.Id), $"{item.OriginalName}（{item.Width}×{item.Height}、{item.Length:N0}バイト）を {item.FileName} として保存", user);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            File.Delete(path); // no file without its record
            throw;
        }

        return item;
    }

    /// <param name="search">Part of the alt text or the original file name; null or blank lists every image.</param>
    public async Task<(IReadOnlyList<MediaItem> Items, int Total)> ListAsync(int page, int pageSize, string? search = null, CancellationToken ct = default)
    {
        var query = db.Media.AsNoTracking().Where(m => m.DeletedUtc == null);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            query = query.Where(m => m.AltText.Contains(term) || m.OriginalName.Contains(term));
        }

        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.UploadedUtc).ThenBy(m => m.Id).Skip(Paging.Offset(page, pageSize)).Take(pageSize).ToListAsync(ct);
        return (items, total);
    }

    public Task<MediaItem?> FindAsync(Guid id, CancellationToken ct = default) => db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);

    /// <summary>The file to serve for a public /media/ URL; null when unknown or in the recycle bin.</summary>
    public async Task<(MediaItem Item, string Path)?> OpenAsync(string fileName, CancellationToken ct = default)
    {
        var item = await db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.FileName == fileName && m.DeletedUtc == null, ct);
        var path = item is null ? null : Path.Combine(StorageRoot, item.FileName);
        return item is not null && File.Exists(path) ? (item, path!) : null;
    }

    public async Task MoveToRecycleBinAsync(Guid id, string user, CancellationToken ct = default)
    {
        var item = await db.Media.SingleAsync(m => m.Id == id, ct);
        if (item.DeletedUtc is not null)
        {
            return;
        }

        item.DeletedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.MediaDelete, Target(id), $"{item.AltText}（{item.FileName}）をごみ箱へ移動", user);
        await db.SaveChangesAsync(ct);
    }

    public async Task RestoreAsync(Guid id, string user, CancellationToken ct = default)
    {
        var item = await db.Media.SingleAsync(m => m.Id == id, ct);
        if (item.DeletedUtc is null)
        {
            return;
        }

        item.DeletedUtc = null;
        audit.Add(AuditActions.ContentRestore, Target(id), $"画像 {item.AltText}（{item.FileName}）を元に戻す", user);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes every image in the recycle bin, record and file. Returns how many.</summary>
    public async Task<int> EmptyRecycleBinAsync(string user, CancellationToken ct = default)
    {
        var deleted = await db.Media.Where(m => m.DeletedUtc != null).ToListAsync(ct);
        foreach (var item in deleted)
        {
            audit.Add(AuditActions.MediaDelete, Target(item.Id), $"{item.AltText}（{item.FileName}）をごみ箱から完全に削除", user);
        }

        db.Media.RemoveRange(deleted);
        await db.SaveChangesAsync(ct);

        // Files go after the records: a crash in between leaves an orphan file, never a record without its file.
        foreach (var item in deleted)
        {
            File.Delete(Path.Combine(StorageRoot, item.FileName));
        }

        return deleted.Count;
    }

    public static string Target(Guid id) => $"media:{id}";

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];
}
