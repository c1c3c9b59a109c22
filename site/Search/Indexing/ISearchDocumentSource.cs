namespace UedaPublicGoals.Search.Indexing;

/// <summary>The two indexes: what residents may find, and what staff may find.</summary>
public enum SearchIndexKind
{
    /// <summary>Published content only; the public /search page and /api/v1/search read it.</summary>
    External,

    /// <summary>The newest draft of every document, published or not; staff search reads it.</summary>
    Internal,
}

/// <summary>
/// A source item and the search documents made from it. An item is the unit that is
/// replaced as a whole (a goal with its initiatives and reports, or a page).
/// </summary>
/// <param name="Key">Unique across sources, starting with the source's <see cref="ISearchDocumentSource.KeyPrefix"/>.</param>
/// <param name="Stamp">Changes whenever the item's documents would change (version, slug, department name…).</param>
public sealed record SearchSourceItem(string Key, string Stamp, IReadOnlyList<SearchDocument> Documents);

/// <summary>
/// Something whose content is searchable. The content store's goals and pages are one source;
/// published consultation responses will be another: implement this, register it as an
/// <c>ISearchDocumentSource</c> singleton, add its result type to <see cref="SearchResultTypes"/>,
/// and call <see cref="SearchIndexer.QueueItemUpdate"/> when one of its items changes.
/// Rebuilds, start-up staleness checks and catch-up work from these methods alone.
/// </summary>
public interface ISearchDocumentSource
{
    /// <summary>Prefix of every item key of this source, e.g. "content:".</summary>
    string KeyPrefix { get; }

    /// <summary>Key and stamp of every item that belongs in the index: cheap, no document bodies.</summary>
    Task<IReadOnlyDictionary<string, string>> ReadStampsAsync(SearchIndexKind kind, CancellationToken ct);

    /// <summary>Every item that belongs in the index, with its documents (full rebuild).</summary>
    Task<IReadOnlyList<SearchSourceItem>> ReadAllAsync(SearchIndexKind kind, CancellationToken ct);

    /// <summary>One item, or null when it no longer belongs in the index (unpublished or deleted).</summary>
    Task<SearchSourceItem?> ReadAsync(SearchIndexKind kind, string key, CancellationToken ct);
}

/// <summary>
/// Kana readings of indexed text (the Japanese feature implements it with MeCab). Optional: without
/// one, documents simply have no reading field and kana queries match only kana text.
/// </summary>
public interface ISearchReadings
{
    /// <summary>The text in hiragana, or null when it cannot be read.</summary>
    string? ReadingOf(string text);
}
