namespace UedaPublicGoals.Content.Publishing;

/// <summary>
/// Raised after a publish or unpublish has been committed, on the node that made it and,
/// through cache instructions, on every other node. Handlers re-read what they need.
/// </summary>
/// <param name="FromOtherNode">Replayed from another node's cache instruction: not to be recorded again.</param>
public sealed record ContentPublishedNotification(Guid DocumentId, bool Unpublished, bool FromOtherNode = false);

/// <summary>
/// Features that react to publishing (read model, output cache, later the search index)
/// implement this instead of being called by name from the store, as Umbraco's
/// notification handlers do.
/// </summary>
public interface IContentPublishedHandler
{
    Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken);
}
