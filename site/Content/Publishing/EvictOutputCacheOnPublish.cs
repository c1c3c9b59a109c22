using Microsoft.AspNetCore.OutputCaching;

namespace UedaPublicGoals.Content.Publishing;

/// <summary>Output cache tags: one per document, plus one for every page that lists documents.</summary>
public static class ContentCacheTags
{
    public const string Listings = "listings";

    public static string Document(Guid documentId) => $"doc:{documentId:N}";
}

public sealed class EvictOutputCacheOnPublish(IOutputCacheStore store) : IContentPublishedHandler
{
    public async Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken)
    {
        await store.EvictByTagAsync(ContentCacheTags.Document(notification.DocumentId), cancellationToken);
        await store.EvictByTagAsync(ContentCacheTags.Listings, cancellationToken);
    }
}
