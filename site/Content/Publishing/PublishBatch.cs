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
/// A handler that writes state every node shares into the database (e.g. the goal-change records followers read),
/// as opposed to one that refreshes this node's own memory or files. The dispatcher runs it only on the node where
/// the change committed, retries included; a replay of another node's outbox rows skips it, since the publishing
/// node writes those rows once for all.
/// </summary>
public interface ISharedStatePublishHandler : IPublishHandler;
