using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Model;

namespace UedaPublicGoals.Content.Store;

/// <summary>Version history: reading old snapshots and rolling back by copying one forward.</summary>
public sealed partial class ContentStore
{
    /// <summary>Every version of a document, newest first, without the (large) JSON snapshots.</summary>
    public async Task<IReadOnlyList<ContentVersion>> ListVersionsAsync(Guid documentId, CancellationToken ct = default) =>
        await db.Versions.AsNoTracking()
            .Where(v => v.DocumentId == documentId)
            .OrderByDescending(v => v.Number)
            .Select(v => new ContentVersion
            {
                Id = v.Id,
                DocumentId = v.DocumentId,
                Number = v.Number,
                Title = v.Title,
                CreatedUtc = v.CreatedUtc,
                CreatedBy = v.CreatedBy,
                Note = v.Note,
            })
            .ToListAsync(ct);

    public async Task<ContentVersion?> FindVersionAsync(Guid documentId, int number, CancellationToken ct = default) =>
        await db.Versions.AsNoTracking().SingleOrDefaultAsync(v => v.DocumentId == documentId && v.Number == number, ct);

    /// <summary>
    /// Rolls back by saving version <paramref name="number"/>'s content as a NEW draft
    /// version: history is never rewritten and the public site is untouched until someone
    /// publishes. With <paramref name="expectedStamp"/>, a document changed since the caller
    /// looked at it is refused with <see cref="ContentConflictException"/>.
    /// </summary>
    public async Task<ContentVersion> RollbackAsync(Guid documentId, int number, string user, Guid? expectedStamp = null, CancellationToken ct = default)
    {
        var document = await db.Documents.SingleAsync(d => d.Id == documentId, ct);
        if (expectedStamp is { } stamp && stamp != document.ConcurrencyStamp)
        {
            throw new ContentConflictException(documentId);
        }

        if (document.DeletedUtc is not null)
        {
            throw new InvalidOperationException($"Document {documentId} is in the recycle bin; restore it before rolling back.");
        }

        var source = await db.Versions.AsNoTracking().SingleAsync(v => v.DocumentId == documentId && v.Number == number, ct);

        // Read through the current model, so the new version is a valid snapshot of today's shape.
        object content = document.Kind switch
        {
            DocumentKind.Goal => ContentJson.Deserialize<GoalContent>(source.Json),
            DocumentKind.Page => ContentJson.Deserialize<PageContent>(source.Json),
            _ => throw new InvalidOperationException($"Unknown document kind {document.Kind}."),
        };

        var version = await AddVersionAsync(document, content, user, note: $"第{number}版に戻す", ct);
        Audit(user, AuditActions.ContentRollback, document, $"第{number}版の内容を第{version.Number}版として下書き保存");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ContentConflictException(documentId);
        }

        return version;
    }
}
