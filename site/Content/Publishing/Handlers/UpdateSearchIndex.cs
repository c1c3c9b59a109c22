using UedaPublicGoals.Search.Indexing;

namespace UedaPublicGoals.Content.Publishing.Handlers;

/// <summary>Queues the batch's documents for both indexes and returns at once: publishing never waits for Lucene.</summary>
public sealed class UpdateSearchIndex(SearchIndexer indexer) : IPublishHandler
{
    public Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken)
    {
        foreach (var documentId in batch.DocumentIds)
        {
            indexer.QueueItemUpdate(ContentSearchSource.KeyFor(documentId));
        }
        return Task.CompletedTask;
    }
}
