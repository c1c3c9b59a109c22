namespace UedaPublicGoals.Content.Sync;

/// <summary>
/// "Document X changed on the public site": the outbox, written in the same transaction as the
/// change (see PublishUnitOfWork). Every node polls these and refreshes its in-memory read model and output cache, so a
/// load-balanced install never serves stale pages for longer than one polling interval.
/// </summary>
public sealed class CacheInstruction
{
    public long Id { get; set; }

    public DateTime Utc { get; set; }

    public Guid DocumentId { get; set; }

    /// <summary>The node that made the change; it has already refreshed itself.</summary>
    public string OriginNode { get; set; } = "";
}
