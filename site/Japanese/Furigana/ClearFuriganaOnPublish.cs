using UedaPublicGoals.Content.Publishing;

namespace UedaPublicGoals.Japanese.Furigana;

/// <summary>
/// A publish changes texts: the cached readings are dropped, so the next render of the furigana
/// variant (the output cache was evicted for the changed pages) reads the new text once.
/// </summary>
public sealed class ClearFuriganaOnPublish(FuriganaRenderer furigana) : IContentPublishedHandler
{
    public Task HandleAsync(ContentPublishedNotification notification, CancellationToken cancellationToken)
    {
        furigana.Clear();
        return Task.CompletedTask;
    }
}
