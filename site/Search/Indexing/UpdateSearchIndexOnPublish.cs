using UedaPublicGoals.Content.Publishing;

namespace UedaPublicGoals.Search.Indexing;

/// <summary>
/// Queues the published, unpublished or deleted document for both indexes. Runs after the read
/// model and output cache handlers, and returns at once: publishing never waits for Lucene.
/// </summary>
public sealed class UpdateSearchIndexOnPublish(SearchIndexer indexer) : IContentPublishedHandler
{
    public Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken)
    {
        indexer.QueueItemUpdate(ContentSearchSource.KeyFor(notification.DocumentId));
        return Task.CompletedTask;
    }
}
