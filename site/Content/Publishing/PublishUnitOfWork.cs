using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Content.Store;
using UedaPublicGoals.Content.Sync;
using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.Publishing;

/// <summary>
/// Commits a change to the public site as one unit of work: whatever the caller queued on the DbContext
/// (versions, the published pointer, audit rows, redirects), the rows of the <see cref="IPublishTransactionWriter"/>s
/// and one outbox row (cache instruction) per affected document, in ONE SaveChanges, so one transaction. Then it hands the batch to the
/// <see cref="PublishDispatcher"/>. A node that dies after the commit has still told the others.
/// </summary>
public sealed class PublishUnitOfWork(PortalDbContext db, NodeIdentity node, PublishDispatcher dispatcher, IEnumerable<IPublishTransactionWriter> writers, OutboxSignal signal, TimeProvider clock)
{
    /// <exception cref="ContentConflictException">A document changed since it was loaded; nothing was saved.</exception>
    public async Task CommitAsync(IEnumerable<Guid> changedDocuments, CancellationToken ct = default)
    {
        var batch = await CommitWithoutHandlersAsync(changedDocuments, ct);

        // The change is committed: the request being aborted now must not leave this node stale.
        await dispatcher.DispatchAsync(batch, CancellationToken.None);
    }

    /// <summary>The commit alone. Internal: tests use it to stand for a process that died right after committing.</summary>
    internal async Task<PublishBatch> CommitWithoutHandlersAsync(IEnumerable<Guid> changedDocuments, CancellationToken ct)
    {
        var batch = new PublishBatch(changedDocuments.Distinct().ToList());
        var now = clock.GetUtcNow().UtcDateTime;
        var outbox = batch.DocumentIds.Select(id => new CacheInstruction { Utc = now, DocumentId = id, OriginNode = node.Id }).ToList();
        db.CacheInstructions.AddRange(outbox);
        foreach (var writer in writers)
        {
            await writer.AddRowsAsync(db, batch, ct);
        }

        using var activity = PublishTracing.Source.StartActivity(PublishTracing.Commit);
        activity?.SetTag(PublishTracing.NodeTag, node.Id);
        activity?.SetTag("ueda.documents", batch.DocumentIds.Count);
        try
        {
            if (signal.Enabled && batch.DocumentIds.Count > 0)
            {
                // NOTIFY in the same transaction: PostgreSQL delivers it only if the rows commit.
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.SaveChangesAsync(ct);
                await db.Database.ExecuteSqlAsync(OutboxSignal.Notify(node, outbox), ct);
                await transaction.CommitAsync(ct);
            }
            else
            {
                await db.SaveChangesAsync(ct);
            }
        }
        catch (DbUpdateConcurrencyException ex)
        {
            db.ChangeTracker.Clear();
            var document = ex.Entries.Select(e => e.Entity).OfType<ContentDocument>().FirstOrDefault();
            throw new ContentConflictException(document?.Id ?? batch.DocumentIds.FirstOrDefault());
        }

        return batch;
    }
}
