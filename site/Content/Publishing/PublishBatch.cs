using UedaPublicGoals.Infrastructure.Database;

namespace UedaPublicGoals.Content.Publishing;

/// <summary>
/// The documents one committed change put on, changed on, or took off the public site: a publish, a
/// structure change, a recycle-bin operation or a pass of other nodes' outbox rows is ONE batch.
/// Handlers re-read what they need (the read model, the database), so the batch only says where to look.
/// </summary>
/// <param name="FromOtherNode">Replayed from another node's outbox rows (cache instructions).</param>
public sealed record PublishBatch(IReadOnlyList<Guid> DocumentIds, bool FromOtherNode = false)
{
    public override string ToString() =>
        $"{DocumentIds.Count} document(s){(FromOtherNode ? " from another node" : "")}: {string.Join(", ", DocumentIds.Take(20))}{(DocumentIds.Count > 20 ? ", …" : "")}";
}

/// <summary>
/// One piece of work after a publish (read model, output cache, open data, search …). Handlers are
/// singletons, listed in order in <see cref="Handlers.PublishHandlers"/>, and must be idempotent: a
/// failure is retried with the same batch. Throwing is allowed; the dispatcher logs it and runs the next.
/// </summary>
public interface IPublishHandler
{
    Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken);
}

/// <summary>
/// Rows every node shares that a publish brings with it (e.g. the goal-change records followers read): added to the
/// publish's own DbContext just before its one SaveChanges, so they commit with it or not at all, once, on the node
/// that publishes. Listed in <see cref="Handlers.PublishHandlers"/> with the handlers.
/// </summary>
public interface IPublishTransactionWriter
{
    /// <summary>Adds rows to <paramref name="db"/>; what the caller queued (versions, pointers) is in its change tracker.</summary>
    Task AddRowsAsync(PortalDbContext db, PublishBatch batch, CancellationToken cancellationToken);
}
