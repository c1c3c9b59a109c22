using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Backoffice.Approvals;

public enum ApprovalOutcome
{
    Done,
    NotFound,

    /// <summary>Already approved, rejected or replaced by a newer request.</summary>
    NotPending,

    /// <summary>The draft changed after the request (or the document went to the recycle bin): that version can no longer be published.</summary>
    DraftMovedOn,

    /// <summary>The slug changed after the request: the request is outdated, since the author asked for the old URL.</summary>
    SlugChanged,
}

/// <summary>A request as the approvals pages list it.</summary>
public sealed record ApprovalListItem(
    ApprovalRequest Request,
    DocumentKind Kind,
    string Title,
    string? DepartmentName,
    int? FiscalYear,
    int CurrentDraftVersion,
    int? PublishedVersion,
    bool DocumentDeleted,
    string CurrentSlug)
{
    public bool DraftMovedOn => DocumentDeleted || CurrentDraftVersion != Request.Version;

    /// <summary>The slug was changed after the request (requests from before slugs were pinned have none).</summary>
    public bool SlugChanged => Request.Slug.Length > 0 && CurrentSlug != Request.Slug;

    /// <summary>What was asked for can no longer be published as it was asked.</summary>
    public bool Outdated => DraftMovedOn || SlugChanged;

    public string Where => DocumentState.WhereOf(DepartmentName, FiscalYear);

    public string EditorPath => Kind == DocumentKind.Goal ? $"/backoffice/goals/{Request.DocumentId}" : $"/backoffice/pages/{Request.DocumentId}";

    public string StatusLabel => Request.Status switch
    {
        ApprovalStatus.Pending => "承認待ち",
        ApprovalStatus.Approved => "承認・公開済み",
        ApprovalStatus.Rejected => "差し戻し",
        _ => "取り下げ",
    };
}

/// <summary>
/// 承認依頼: a 部局担当 asks 広報 to publish a given draft version; 広報 approve (which publishes
/// that version, if it is still the draft) or send it back with a note. Every step is audited.
/// </summary>
public sealed class ApprovalWorkflow(PortalDbContext db, ContentStore store, AuditLog audit, TimeProvider clock, ApprovalMail mail)
{
    public async Task<ApprovalRequest> RequestAsync(Guid documentId, int version, string user, string? note, CancellationToken ct = default)
    {
        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == documentId, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        // One open request per document: an earlier one is about an older draft.
        foreach (var earlier in await db.ApprovalRequests.Where(a => a.DocumentId == documentId && a.Status == ApprovalStatus.Pending).ToListAsync(ct))
        {
            earlier.Status = ApprovalStatus.Withdrawn;
            earlier.DecidedBy = user;
            earlier.DecidedUtc = now;
            earlier.DecisionNote = $"第{version}版の新しい承認依頼に置き換えられました。";
        }

        var request = new ApprovalRequest
        {
            DocumentId = documentId,
            Version = version,
            Slug = document.Slug,
            RequestedBy = user,
            RequestedUtc = now,
            Note = note,
            Status = ApprovalStatus.Pending,
        };
        db.ApprovalRequests.Add(request);
        audit.Add(AuditActions.ApprovalRequest, Target(document), $"第{version}版の公開を依頼" + (note is null ? "" : $"：{Shorten(note)}"), actor: user);
        await db.SaveChangesAsync(ct);
        await mail.RequestedAsync((await FindAsync(request.Id, ct))!, ct);
        return request;
    }

    public async Task<ApprovalOutcome> ApproveAsync(long requestId, string user, CancellationToken ct = default)
    {
        var request = await db.ApprovalRequests.SingleOrDefaultAsync(a => a.Id == requestId, ct);
        if (request is null)
        {
            return ApprovalOutcome.NotFound;
        }

        if (request.Status != ApprovalStatus.Pending)
        {
            return ApprovalOutcome.NotPending;
        }

        var document = await db.Documents.SingleAsync(d => d.Id == request.DocumentId, ct);
        if (document.DeletedUtc is not null || document.DraftVersion != request.Version)
        {
            return ApprovalOutcome.DraftMovedOn;
        }

        if (request.Slug.Length > 0 && document.Slug != request.Slug)
        {
            return ApprovalOutcome.SlugChanged;
        }

        request.Status = ApprovalStatus.Approved;
        request.DecidedBy = user;
        request.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.ApprovalDecide, Target(document), $"承認：第{request.Version}版を公開（依頼者 {request.RequestedBy}）", actor: user);
        try
        {
            // PublishAsync commits this unit of work, so the decision, its audit entry and the
            // publish are one transaction. The document is the instance loaded above: if another
            // save moved the draft on meanwhile, its concurrency stamp no longer matches and
            // nothing is published.
            await store.PublishAsync(document.Id, user, ct);
        }
        catch (ContentConflictException)
        {
            return ApprovalOutcome.DraftMovedOn;
        }

        await mail.DecidedAsync((await FindAsync(requestId, ct))!, ct);
        return ApprovalOutcome.Done;
    }

    public async Task<ApprovalOutcome> RejectAsync(long requestId, string user, string note, CancellationToken ct = default)
    {
        var request = await db.ApprovalRequests.SingleOrDefaultAsync(a => a.Id == requestId, ct);
        if (request is null)
        {
            return ApprovalOutcome.NotFound;
        }

        if (request.Status != ApprovalStatus.Pending)
        {
            return ApprovalOutcome.NotPending;
        }

        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == request.DocumentId, ct);
        request.Status = ApprovalStatus.Rejected;
        request.DecidedBy = user;
        request.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        request.DecisionNote = note;
        audit.Add(AuditActions.ApprovalDecide, Target(document), $"差し戻し：第{request.Version}版（依頼者 {request.RequestedBy}）：{Shorten(note)}", actor: user);
        await db.SaveChangesAsync(ct);
        await mail.DecidedAsync((await FindAsync(requestId, ct))!, ct);
        return ApprovalOutcome.Done;
    }

    /// <summary>Pending requests, oldest first (they have waited longest), or recently decided ones, newest first.</summary>
    public async Task<IReadOnlyList<ApprovalListItem>> ListAsync(bool pending, int take = 50, CancellationToken ct = default)
    {
        var query = db.ApprovalRequests.AsNoTracking()
            .Where(a => pending ? a.Status == ApprovalStatus.Pending : a.Status != ApprovalStatus.Pending);
        query = pending ? query.OrderBy(a => a.RequestedUtc).ThenBy(a => a.Id) : query.OrderByDescending(a => a.DecidedUtc).ThenByDescending(a => a.Id);
        var requests = await query.Take(take).ToListAsync(ct);
        return await DescribeAsync(requests, ct);
    }

    /// <summary>The requests one user made, newest first, with their outcomes.</summary>
    public async Task<IReadOnlyList<ApprovalListItem>> ListMineAsync(string user, int take = 100, CancellationToken ct = default)
    {
        var requests = await db.ApprovalRequests.AsNoTracking()
            .Where(a => a.RequestedBy == user)
            .OrderByDescending(a => a.RequestedUtc).ThenByDescending(a => a.Id)
            .Take(take)
            .ToListAsync(ct);
        return await DescribeAsync(requests, ct);
    }

    public async Task<ApprovalListItem?> FindAsync(long requestId, CancellationToken ct = default)
    {
        var request = await db.ApprovalRequests.AsNoTracking().SingleOrDefaultAsync(a => a.Id == requestId, ct);
        return request is null ? null : (await DescribeAsync([request], ct)).Single();
    }

    /// <summary>The newest request about a document, for the editor to show its state.</summary>
    public async Task<ApprovalRequest?> LatestForAsync(Guid documentId, CancellationToken ct = default) =>
        await db.ApprovalRequests.AsNoTracking()
            .Where(a => a.DocumentId == documentId)
            .OrderByDescending(a => a.RequestedUtc).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(ct);

    public async Task<int> PendingCountAsync(CancellationToken ct = default) =>
        await db.ApprovalRequests.CountAsync(a => a.Status == ApprovalStatus.Pending, ct);

    private async Task<IReadOnlyList<ApprovalListItem>> DescribeAsync(IReadOnlyList<ApprovalRequest> requests, CancellationToken ct)
    {
        var documentIds = requests.Select(r => r.DocumentId).Distinct().ToList();
        var documents = await db.ReadDocumentStatesAsync(documentIds, ct);
        var titles = await db.Versions.AsNoTracking()
            .Where(v => documentIds.Contains(v.DocumentId))
            .Select(v => new { v.DocumentId, v.Number, v.Title })
            .ToListAsync(ct);

        return requests.Select(r =>
        {
            var document = documents[r.DocumentId];
            var title = titles.FirstOrDefault(t => t.DocumentId == r.DocumentId && t.Number == r.Version)?.Title ?? "";
            return new ApprovalListItem(r, document.Kind, title, document.DepartmentName, document.FiscalYear, document.DraftVersion, document.PublishedVersion, document.Deleted, document.Slug);
        }).ToList();
    }

    /// <summary>What the requested version changes compared with what residents see now.</summary>
    public async Task<(object? Published, object Requested)> VersionsToCompareAsync(ApprovalListItem item, CancellationToken ct = default)
    {
        async Task<object> LoadAsync(int number)
        {
            var json = (await store.GetVersionAsync(item.Request.DocumentId, number, ct)).Json;
            return item.Kind == DocumentKind.Goal ? ContentJson.Deserialize<GoalContent>(json) : ContentJson.Deserialize<PageContent>(json);
        }

        var published = item.PublishedVersion is { } publishedVersion ? await LoadAsync(publishedVersion) : null;
        return (published, await LoadAsync(item.Request.Version));
    }

    private static string Target(ContentDocument document) => $"{document.Kind.ToString().ToLowerInvariant()}:{document.Id}";

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..199] + "…";
}
