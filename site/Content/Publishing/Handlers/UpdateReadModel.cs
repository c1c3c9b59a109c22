using UedaPublicGoals.Content.ReadModel;

namespace UedaPublicGoals.Content.Publishing.Handlers;

/// <summary>Brings the published snapshot up to date, re-reading only the batch's documents and re-assembling only their departments.</summary>
public sealed class UpdateReadModel(PublishedContentCache cache) : IPublishHandler
{
    public Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken) => cache.UpdateAsync(batch.DocumentIds, cancellationToken);
}
