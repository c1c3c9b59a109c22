using UedaPublicGoals.Japanese;

namespace UedaPublicGoals.Content.Publishing.Handlers;

/// <summary>
/// The glossary, synonyms or reading list changed (here or on another node): load them again, drop
/// the furigana derived from the old lists, and redo the search readings when the readings changed.
/// </summary>
public sealed class ReloadJapaneseWordLists(JapaneseTextState state) : IPublishHandler
{
    public Task HandleAsync(PublishBatch batch, CancellationToken cancellationToken)
    {
        var readings = batch.DocumentIds.Contains(JapaneseWordListChange.Readings);
        return readings || batch.DocumentIds.Contains(JapaneseWordListChange.WordLists)
            ? state.ReloadAsync(readings, cancellationToken)
            : Task.CompletedTask;
    }
}
