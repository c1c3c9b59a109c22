using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using UedaPublicGoals.Infrastructure.Database;
using UedaPublicGoals.Japanese.Furigana;
using UedaPublicGoals.Japanese.Glossary;
using UedaPublicGoals.Japanese.Readings;
using UedaPublicGoals.Japanese.Search;
using UedaPublicGoals.Search.Indexing;

namespace UedaPublicGoals.Japanese;

/// <summary>
/// Loads the glossary, the reading list and the synonyms from the database into the in-memory
/// services that pages and search read, and drops what was derived from the old lists.
/// </summary>
public sealed class JapaneseTextState(
    IServiceScopeFactory scopes,
    JapaneseReader reader,
    GlossaryCatalog glossary,
    JapaneseSearchExpansion search,
    FuriganaRenderer furigana,
    IOutputCacheStore outputCache,
    SearchIndexer indexer)
{
    /// <param name="readingsChanged">The reading list changed: the search index's readings are redone too.</param>
    public async Task ReloadAsync(bool readingsChanged = false, CancellationToken ct = default)
    {
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var terms = await db.GlossaryTerms.AsNoTracking().Where(t => t.IsPublished).ToListAsync(ct);
            glossary.Use(terms.Select(t => new GlossaryEntry(t.Id, t.Term, t.Definition)));
            search.UseSynonyms(await db.SearchSynonyms.AsNoTracking().ToListAsync(ct));
            var readings = await db.ReadingList.AsNoTracking().ToListAsync(ct);
            reader.UseOverrides(new ReadingOverrides(readings.Select(r => (r.Word, r.Reading))));
        }

        furigana.Clear();
        await outputCache.EvictByTagAsync(PublicPageRewritingMiddleware.CacheTag, ct);
        if (readingsChanged)
        {
            // Not awaited: the rebuild runs on the indexer's own loop; readers keep the old index until it commits.
            _ = indexer.RebuildAsync(CancellationToken.None);
        }
    }
}
