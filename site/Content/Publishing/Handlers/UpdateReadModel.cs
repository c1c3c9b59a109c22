using UedaPublicGoals.Content.ReadModel;

namespace UedaPublicGoals.Content.Publishing.Handlers;

/// <summary>Brings the published snapshot up to date, re-reading only the documents whose published version changed.</summary>
public sealed class UpdateReadModel(PublishedContentCache cache) : IPublishHandler
{
    public Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken) => cache.UpdateAsync(cancellationToken);
}
