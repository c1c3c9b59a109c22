using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;
using UedaPublicGoals.Search.Indexing;

namespace UedaPublicGoals.Search.Querying;

/// <summary>What to search for: analysed text, exact-match filters and the page window.</summary>
public sealed record SearchCriteria(SearchTerms Terms, string? Department = null, int? Year = null, string? Type = null, int Skip = 0, int Take = 10)
{
    public bool HasFilters => Department is not null || Year is not null || Type is not null;
}

/// <summary>One result: the stored document plus its title and snippet as safe HTML with &lt;mark&gt;.</summary>
public sealed record SearchHit(SearchDocument Document, float Score, string TitleHtml, string SnippetHtml);

/// <summary>One page of results and the total number of matches.</summary>
public sealed record SearchResultPage(int Total, IReadOnlyList<SearchHit> Hits);

/// <summary>Builds the Lucene query from analysed terms (never from a query parser) and runs it.</summary>
public static class SearchExecutor
{
    /// <summary>A word in a title says more about a result than the same word in its body.</summary>
    public const float TitleBoost = 4f;

    /// <summary>Snippet length in characters: about three lines on a 360 px phone.</summary>
    public const int SnippetLength = 100;

    private static readonly Sort ByScoreThenOrder = new(SortField.FIELD_SCORE, new SortField(SearchFields.Order, SortFieldType.INT32));

    public static SearchResultPage Run(SearchIndex index, SearchCriteria criteria)
    {
        if (criteria.Terms.IsEmpty)
        {
            return new SearchResultPage(0, []);
        }

        var query = BuildQuery(criteria.Terms);
        var filter = BuildFilter(criteria);
        var window = (int)Math.Min((long)criteria.Skip + criteria.Take, int.MaxValue);
        var (total, documents) = index.Search(searcher =>
        {
            // Lucene caps the window at the number of documents, so a huge skip costs nothing extra.
            var top = searcher.Search(query, filter, window, ByScoreThenOrder, doDocScores: true, doMaxScore: false);
            var page = top.ScoreDocs
                .Skip(criteria.Skip)
                .Select(hit => (Document: SearchFields.FromLucene(searcher.Doc(hit.Doc)), hit.Score))
                .ToList();
            return (top.TotalHits, page);
        });

        var hits = documents
            .Select(d => new SearchHit(
                d.Document,
                d.Score,
                Snippets.MarkAll(d.Document.Title, criteria.Terms),
                Snippets.Excerpt(d.Document.Body, criteria.Terms, SnippetLength)))
            .ToList();
        return new SearchResultPage(total, hits);
    }

    /// <summary>
    /// Whether anything matches <paramref name="terms"/> (no filters), stopping at the first match: counting every
    /// match of a common word, as <see cref="Run"/> does for its total, grows with the index.
    /// </summary>
    public static bool Any(SearchIndex index, SearchTerms terms)
    {
        if (terms.IsEmpty)
        {
            return false;
        }

        var query = BuildQuery(terms);
        return index.Search(searcher =>
        {
            var weight = searcher.CreateNormalizedWeight(query);
            return searcher.IndexReader.Leaves.Any(leaf =>
                weight.GetScorer(leaf, leaf.AtomicReader.LiveDocs) is { } scorer && scorer.NextDoc() != DocIdSetIterator.NO_MORE_DOCS);
        });
    }

    /// <summary>Every word must match, in the title (boosted) or the body; a multi-token word as an exact phrase.</summary>
    public static Query BuildQuery(SearchTerms terms)
    {
        var all = new BooleanQuery(disableCoord: true);
        foreach (var word in terms.Words)
        {
            var anyField = new BooleanQuery(disableCoord: true);
            foreach (var form in word.Alternatives.Prepend(word.Terms))
            {
                anyField.Add(FieldQuery(SearchFields.Title, form, TitleBoost), Occur.SHOULD);
                anyField.Add(FieldQuery(SearchFields.Body, form, 1f), Occur.SHOULD);
            }

            if (word.ReadingTerms.Count > 0)
            {
                anyField.Add(FieldQuery(SearchFields.Reading, word.ReadingTerms, 1f), Occur.SHOULD);
            }

            all.Add(anyField, Occur.MUST);
        }

        return all;
    }

    private static Query FieldQuery(string field, IReadOnlyList<QueryTerm> terms, float boost)
    {
        Query query;
        if (terms.Count == 1)
        {
            query = new TermQuery(new Term(field, terms[0].Text));
        }
        else
        {
            var phrase = new PhraseQuery();
            foreach (var term in terms)
            {
                phrase.Add(new Term(field, term.Text), term.Position);
            }

            query = phrase;
        }

        query.Boost = boost;
        return query;
    }

    /// <summary>Filters narrow without changing scores.</summary>
    private static Filter? BuildFilter(SearchCriteria criteria)
    {
        if (!criteria.HasFilters)
        {
            return null;
        }

        var must = new BooleanQuery();
        if (criteria.Department is { } department)
        {
            must.Add(new TermQuery(new Term(SearchFields.Department, department)), Occur.MUST);
        }

        if (criteria.Year is { } year)
        {
            must.Add(new TermQuery(new Term(SearchFields.Year, year.ToString(CultureInfo.InvariantCulture))), Occur.MUST);
        }

        if (criteria.Type is { } type)
        {
            must.Add(new TermQuery(new Term(SearchFields.Type, type)), Occur.MUST);
        }

        return new QueryWrapperFilter(must);
    }
}
