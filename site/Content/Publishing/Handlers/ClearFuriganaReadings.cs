using UedaPublicGoals.Japanese.Furigana;

namespace UedaPublicGoals.Content.Publishing.Handlers;

/// <summary>
/// A publish changes texts: the cached readings are dropped, so the next render of the furigana
/// variant (its output cache is evicted in the next step) reads the new text once.
/// </summary>
public sealed class ClearFuriganaReadings(FuriganaRenderer furigana) : IPublishHandler
{
    public Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken)
    {
        furigana.Clear();
        return Task.CompletedTask;
    }
}
