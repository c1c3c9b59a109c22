using UedaPublicGoals.Content.Model;
using UedaPublicGoals.Search.Indexing;
using UedaPublicGoals.Search.Querying;

namespace UedaPublicGoals.Search;

/// <summary>
/// Search for PR staff and department authors: the internal index, which holds the newest
/// draft of every goal and page, published or not. Each hit carries the document id and its
/// <see cref="DraftState"/>. Not reachable over HTTP yet: the backoffice will call it from an
/// endpoint behind its staff authorization policy.
/// </summary>
public sealed class StaffSearch(SearchIndexer indexer)
{
    /// <exception cref="SearchUnavailableException">The internal index is being built.</exception>
    public async Task<SearchResultPage> SearchAsync(string? query, string? department = null, int? year = null, string? type = null, int skip = 0, int take = 20, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(skip);
        ArgumentOutOfRangeException.ThrowIfLessThan(take, 1);

        // Saving a draft raises no notification, so compare stamps first: one cheap query, and
        // staff always find what they saved a moment ago.
        await indexer.CatchUpAsync(SearchIndexKind.Internal, ct);
        var terms = SearchTerms.Parse(query ?? "");
        return SearchExecutor.Run(indexer.Internal, new SearchCriteria(terms, department, year, type, skip, take));
    }
}
