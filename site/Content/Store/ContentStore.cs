using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.Store;

/// <summary>The stale copy of a document lost a race with another save.</summary>
public sealed class ContentConflictException(Guid documentId)
    : Exception($"Document {documentId} was changed by someone else since it was opened.")
{
    public Guid DocumentId { get; } = documentId;
}

/// <summary>
/// Saves drafts as new immutable versions and moves the published pointer. Every change the public
/// site shows commits through <see cref="PublishUnitOfWork"/>: the change, its audit rows and the
/// outbox rows in one transaction, then the publish handlers.
/// </summary>
public sealed partial class ContentStore(PortalDbContext db, PublishUnitOfWork unitOfWork, AuditLog audit, TimeProvider clock)
{
    public async Task<ContentDocument?> FindAsync(Guid documentId, CancellationToken ct = default) =>
        await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct);

    public async Task<T> GetDraftAsync<T>(Guid documentId, CancellationToken ct = default)
    {
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == documentId, ct);
        var version = await db.Versions.AsNoTracking().SingleAsync(v => v.DocumentId == documentId && v.Number == document.DraftVersion, ct);
        return ContentJson.Deserialize<T>(version.Json);
    }

    /// <summary>
    /// Stores <paramref name="content"/> as the next draft version. When
    /// <paramref name="expectedStamp"/> is given and the document moved on since, nothing
    /// is saved and <see cref="ContentConflictException"/> is thrown.
    /// </summary>
    public async Task<ContentVersion> SaveDraftAsync(Guid documentId, object content, string user, Guid? expectedStamp = null, string? note = null, CancellationToken ct = default)
    {
        var document = await db.Documents.SingleAsync(d => d.Id == documentId, ct);
        if (expectedStamp is { } stamp && stamp != document.ConcurrencyStamp)
        {
            throw new ContentConflictException(documentId);
        }

        var version = await AddVersionAsync(document, content, user, note, ct);
        Audit(user, AuditActions.ContentSave, document, $"第{version.Number}版を下書き保存");
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

    /// <summary>
    /// Makes the current draft the published version, together with whatever the caller queued on this
    /// unit of work (an approval decision, say): one transaction.
    /// </summary>
    /// <exception cref="ContentConflictException">The document changed since it was loaded; nothing was saved.</exception>
    public async Task PublishAsync(Guid documentId, string user, CancellationToken ct = default)
    {
        var document = await db.Documents.SingleAsync(d => d.Id == documentId, ct);
        MovePublishedPointer(document, user);
        await unitOfWork.CommitAsync([documentId], ct);
    }

    /// <exception cref="ContentConflictException">The document changed since it was loaded; nothing was saved.</exception>
    public async Task UnpublishAsync(Guid documentId, string user, CancellationToken ct = default)
    {
        var document = await db.Documents.SingleAsync(d => d.Id == documentId, ct);
        document.PublishedVersion = null;
        document.PublishedUtc = null;
        document.ScheduledUnpublishUtc = null;
        document.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        document.ConcurrencyStamp = Guid.NewGuid();
        Audit(user, AuditActions.ContentUnpublish, document, "公開を停止");
        await unitOfWork.CommitAsync([documentId], ct);
    }

    /// <summary>Queues the publish of the draft on this unit of work; the caller commits.</summary>
    private void MovePublishedPointer(ContentDocument document, string user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        document.PublishedVersion = document.DraftVersion;
        document.PublishedUtc = now;
        document.UpdatedUtc = now;
        document.ScheduledPublishUtc = null;
        document.ConcurrencyStamp = Guid.NewGuid();
        Audit(user, AuditActions.ContentPublish, document, $"第{document.DraftVersion}版を公開");
    }

    /// <summary>Adds a new document with its first version, unsaved: the caller commits.</summary>
    internal async Task<ContentDocument> AddDocumentAsync(DocumentKind kind, int? fiscalYearId, string slug, int sortOrder, object content, string user, bool publish, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var document = new ContentDocument
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            FiscalYearId = fiscalYearId,
            Scope = fiscalYearId is { } fy ? ContentDocument.GoalScope(fy) : ContentDocument.PageScope,
            Slug = slug,
            SortOrder = sortOrder,
            CreatedUtc = now,
            UpdatedUtc = now,
            ConcurrencyStamp = Guid.NewGuid(),
        };
        db.Documents.Add(document);
        await AddVersionAsync(document, content, user, note: "初版", ct);
        if (publish)
        {
            document.PublishedVersion = document.DraftVersion;
            document.PublishedUtc = now;
        }

        return document;
    }

    private async Task<ContentVersion> AddVersionAsync(ContentDocument document, object content, string user, string? note, CancellationToken ct)
    {
        var previous = db.Entry(document).State == EntityState.Added
            ? 0
            : await db.Versions.Where(v => v.DocumentId == document.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0;
        var version = new ContentVersion
        {
            DocumentId = document.Id,
            Number = previous + 1,
            Title = TitleOf(content),
            Json = ContentJson.Serialize(content),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user,
            Note = note,
        };
        db.Versions.Add(version);
        document.DraftVersion = version.Number;
        document.UpdatedUtc = version.CreatedUtc;
        document.ConcurrencyStamp = Guid.NewGuid();
        return version;
    }

    /// <summary>Queued in the same unit of work as the change it records: both commit or neither does.</summary>
    private void Audit(string user, string action, ContentDocument document, string detail) =>
        audit.Add(action, DocumentTarget(document.Kind, document.Id), detail, actor: user);

    private static string TitleOf(object content) => content switch
    {
        GoalContent goal => goal.Title,
        PageContent page => page.Title,
        _ => throw new ArgumentException($"Unsupported content type {content.GetType().Name}.", nameof(content)),
    };
}
