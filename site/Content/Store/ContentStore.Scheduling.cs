using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Audit;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Content.Store;

public enum ScheduledActionKind
{
    Publish,
    Unpublish,
}

/// <summary>One scheduled publish or unpublish the scheduler carried out.</summary>
public sealed record ScheduledAction(Guid DocumentId, ScheduledActionKind Kind, DateTime DueUtc);

/// <summary>Scheduled publish and unpublish: set by staff, carried out by the scheduler as "system".</summary>
public sealed partial class ContentStore
{
    public const string SystemUser = "system";

    /// <summary>Sets (or clears, with null) the times the document is published and taken off the site.</summary>
    /// <exception cref="ContentConflictException">The document changed since it was loaded; nothing was saved.</exception>
    public async Task ScheduleAsync(Guid documentId, DateTime? publishUtc, DateTime? unpublishUtc, string user, CancellationToken ct = default)
    {
        var document = await db.Documents.SingleAsync(d => d.Id == documentId, ct);
        document.ScheduledPublishUtc = publishUtc;
        document.ScheduledUnpublishUtc = unpublishUtc;
        document.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        Audit(user, AuditActions.ContentSchedule, document, $"公開予約：{Describe(publishUtc)}／公開停止予約：{Describe(unpublishUtc)}");
        await unitOfWork.CommitAsync([], ct);
    }

    /// <summary>
    /// Carries out every publish and unpublish that is due, oldest first (so "publish at 9:00, take
    /// down at 10:00" ends unpublished even when both were missed). Each goes through
    /// <see cref="PublishAsync"/> or <see cref="UnpublishAsync"/>, audited as "system".
    /// </summary>
    public async Task<IReadOnlyList<ScheduledAction>> RunDueScheduleAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Documents.AsNoTracking()
            .Where(d => d.DeletedUtc == null
                && ((d.ScheduledPublishUtc != null && d.ScheduledPublishUtc <= now)
                    || (d.ScheduledUnpublishUtc != null && d.ScheduledUnpublishUtc <= now)))
            .Select(d => new { d.Id, d.ScheduledPublishUtc, d.ScheduledUnpublishUtc })
            .ToListAsync(ct);

        var actions = due
            .SelectMany(d => new[]
            {
                d.ScheduledPublishUtc is { } publish && publish <= now ? new ScheduledAction(d.Id, ScheduledActionKind.Publish, publish) : null,
                d.ScheduledUnpublishUtc is { } unpublish && unpublish <= now ? new ScheduledAction(d.Id, ScheduledActionKind.Unpublish, unpublish) : null,
            })
            .OfType<ScheduledAction>()
            .OrderBy(a => a.DueUtc)
            .ThenBy(a => a.Kind)
            .ToList();

        var done = new List<ScheduledAction>();
        foreach (var action in actions)
        {
            try
            {
                if (action.Kind == ScheduledActionKind.Publish)
                {
                    await PublishAsync(action.DocumentId, SystemUser, ct);
                }
                else if (await db.Documents.AnyAsync(d => d.Id == action.DocumentId && d.PublishedVersion != null, ct))
                {
                    await UnpublishAsync(action.DocumentId, SystemUser, ct);
                }
                else
                {
                    await ClearScheduledUnpublishAsync(action.DocumentId, ct);
                }

                done.Add(action);
            }
            catch (ContentConflictException)
            {
                // Another node (or an editor) changed the document in the meantime; nothing of this
                // action was saved, and the next pass sees the new state and does whatever is still due.
            }
        }

        return done;
    }

    /// <summary>
    /// Publishes the current drafts of several documents together with whatever the caller queued on
    /// this unit of work (a publication set's status): one transaction and ONE publish batch.
    /// </summary>
    /// <exception cref="ContentConflictException">A document changed since it was loaded; nothing was saved.</exception>
    public async Task PublishTogetherAsync(IReadOnlyCollection<Guid> documentIds, string user, CancellationToken ct = default)
    {
        var documents = await db.Documents.Where(d => documentIds.Contains(d.Id)).ToListAsync(ct);
        foreach (var document in documents)
        {
            MovePublishedPointer(document, user);
        }

        await unitOfWork.CommitAsync(documents.Select(d => d.Id), ct);
    }

    private async Task ClearScheduledUnpublishAsync(Guid documentId, CancellationToken ct)
    {
        var document = await db.Documents.SingleAsync(d => d.Id == documentId, ct);
        document.ScheduledUnpublishUtc = null;
        Audit(SystemUser, AuditActions.ContentSchedule, document, "公開停止予約の時刻になりましたが、公開されていなかったため予約だけを取り消しました");
        await unitOfWork.CommitAsync([], ct);
    }

    private static string Describe(DateTime? utc) => utc is { } value ? TokyoTime.LongDateTime(value) + "（日本時間）" : "なし";
}
