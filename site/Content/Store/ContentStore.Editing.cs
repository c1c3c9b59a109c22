using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Redirects;

namespace UedaPublicGoals.Content.Store;

/// <summary>Where a document sits: the last segment of its URL and its place among its siblings.</summary>
public sealed record DocumentPlacement(string Slug, int SortOrder);

/// <summary>What an editor's save changed.</summary>
public sealed record EditOutcome(int DraftVersion, bool ContentChanged, bool SlugChanged, bool SortOrderChanged)
{
    public bool NothingChanged => !ContentChanged && !SlugChanged && !SortOrderChanged;
}

/// <summary>Another document in the same scope (perhaps one in the recycle bin) already has the slug.</summary>
public sealed class SlugTakenException(string slug) : Exception($"The slug '{slug}' is already used in this scope.")
{
    public string Slug { get; } = slug;
}

/// <summary>Editor operations: create, save a form (content and placement), save and publish.</summary>
public sealed partial class ContentStore
{
    /// <summary>Creates an unpublished document with its first version.</summary>
    public async Task<ContentDocument> CreateAsync(DocumentKind kind, int? fiscalYearId, DocumentPlacement placement, object content, string user, CancellationToken ct = default)
    {
        var document = await AddDocumentAsync(kind, fiscalYearId, placement.Slug, placement.SortOrder, content, user, publish: false, ct);
        Audit(user, AuditActions.ContentCreate, document, $"「{TitleOf(content)}」を作成（未公開）");
        await CommitEditAsync(document, slugChanged: true, changedOnSite: [], ct);
        return document;
    }

    /// <summary>
    /// Saves an editor's form as the next draft (only when the content changed, with the editor's
    /// 変更メモ as the version's note) and the placement.
    /// A published document keeps its URL until it is published: changing its slug here is refused,
    /// use <see cref="PublishEditAsync"/>. A new sort order applies at once, as sorting does in Umbraco.
    /// </summary>
    public async Task<EditOutcome> SaveEditAsync(Guid documentId, object content, DocumentPlacement placement, string user, Guid expectedStamp, string? note = null, CancellationToken ct = default)
    {
        var (document, outcome) = await ApplyEditAsync(documentId, content, placement, user, expectedStamp, note, publishing: false, ct);
        if (!outcome.NothingChanged)
        {
            await CommitEditAsync(document, outcome.SlugChanged, outcome.SortOrderChanged && document.PublishedVersion is not null ? [documentId] : [], ct);
        }

        return outcome;
    }

    /// <summary>
    /// Saves the form (when anything changed) and publishes the resulting draft. A slug change of a
    /// published document takes effect here, and its old path answers 301 to the new one.
    /// </summary>
    public async Task<EditOutcome> PublishEditAsync(Guid documentId, object content, DocumentPlacement placement, string user, Guid expectedStamp, string? note = null, CancellationToken ct = default)
    {
        var (document, outcome) = await ApplyEditAsync(documentId, content, placement, user, expectedStamp, note, publishing: true, ct);

        // The new version, the slug, the redirect, the pointer move, their audit rows and the outbox
        // rows commit together: no other save can come between saving and publishing.
        MovePublishedPointer(document, user);
        await CommitEditAsync(document, outcome.SlugChanged, [documentId], ct);
        return outcome;
    }

    /// <summary>The JSON of the version a document's draft pointer names.</summary>
    public async Task<ContentVersion> GetVersionAsync(Guid documentId, int number, CancellationToken ct = default) =>
        await db.Versions.AsNoTracking().SingleAsync(v => v.DocumentId == documentId && v.Number == number, ct);

    private async Task<(ContentDocument Document, EditOutcome Outcome)> ApplyEditAsync(
        Guid documentId, object content, DocumentPlacement placement, string user, Guid expectedStamp, string? note, bool publishing, CancellationToken ct)
    {
        var document = await db.Documents.SingleAsync(d => d.Id == documentId, ct);
        if (document.ConcurrencyStamp != expectedStamp)
        {
            throw new ContentConflictException(documentId);
        }

        var draftJson = await db.Versions.Where(v => v.DocumentId == documentId && v.Number == document.DraftVersion).Select(v => v.Json).SingleAsync(ct);
        var contentChanged = ContentJson.Serialize(content) != draftJson;
        var slugChanged = document.Slug != placement.Slug;
        var sortOrderChanged = document.SortOrder != placement.SortOrder;
        if (!contentChanged && !slugChanged && !sortOrderChanged)
        {
            return (document, new EditOutcome(document.DraftVersion, false, false, false));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (slugChanged && document.PublishedVersion is not null)
        {
            if (!publishing)
            {
                throw new InvalidOperationException("A published document's slug changes only when it is published.");
            }

            var oldPath = await PublicPaths.ForAsync(db, document, document.Slug, ct);
            var newPath = await PublicPaths.ForAsync(db, document, placement.Slug, ct);
            await RedirectRecorder.RecordMoveAsync(db, oldPath, newPath, user, now, ct);
            Audit(user, AuditActions.RedirectChange, document, $"{oldPath} → {newPath}（301）");
        }

        if (slugChanged || sortOrderChanged)
        {
            var changes = new List<string>();
            if (slugChanged)
            {
                changes.Add($"スラッグ {document.Slug} → {placement.Slug}");
            }

            if (sortOrderChanged)
            {
                changes.Add($"並び順 {document.SortOrder} → {placement.SortOrder}");
            }

            Audit(user, AuditActions.ContentMove, document, string.Join("、", changes));
            document.Slug = placement.Slug;
            document.SortOrder = placement.SortOrder;
            document.UpdatedUtc = now;
            document.ConcurrencyStamp = Guid.NewGuid();
        }

        if (contentChanged)
        {
            var version = await AddVersionAsync(document, content, user, note, ct);
            Audit(user, AuditActions.ContentSave, document, $"第{version.Number}版を下書き保存");
        }

        return (document, new EditOutcome(document.DraftVersion, contentChanged, slugChanged, sortOrderChanged));
    }

    /// <summary>Commits the queued edit, with <paramref name="changedOnSite"/> announced, as one unit of work.</summary>
    private async Task CommitEditAsync(ContentDocument document, bool slugChanged, IReadOnlyList<Guid> changedOnSite, CancellationToken ct)
    {
        try
        {
            await unitOfWork.CommitAsync(changedOnSite, ct);
        }
        catch (DbUpdateException) when (slugChanged)
        {
            // The unique (scope, slug) index caught a race with another save of the same slug.
            db.ChangeTracker.Clear();
            if (await db.Documents.AnyAsync(d => d.Scope == document.Scope && d.Slug == document.Slug && d.Id != document.Id, ct))
            {
                throw new SlugTakenException(document.Slug);
            }

            throw;
        }
    }
}
