using Microsoft.AspNetCore.OutputCaching;

namespace UedaPublicGoals.Content.Publishing.Handlers;

/// <summary>Evicts the cached pages of the batch's documents and, once, every page that lists documents.</summary>
public sealed class EvictOutputCache(IOutputCacheStore store) : IPublishHandler
{
    public async Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken)
    {
        foreach (var documentId in batch.DocumentIds)
        {
            await store.EvictByTagAsync(ContentCacheTags.Document(documentId), cancellationToken);
        }

        await store.EvictByTagAsync(ContentCacheTags.Listings, cancellationToken);
    }
}
