using System.Globalization;
using Lucene.Net.Index;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Search.Indexing;
using UedaPublicGoals.Search.Querying;

namespace UedaPublicGoals.Search;

/// <summary>A reason a search request cannot be answered as asked: a stable code and a Japanese message.</summary>
public sealed record SearchProblem(string Code, string Message);

/// <summary>The raw request, as typed or sent: nothing here is trusted yet.</summary>
public sealed record SearchRequest(string? Query, string? Department = null, string? Year = null, string? Type = null, int Skip = 0, int Take = 10);

public enum SearchStatus
{
    /// <summary>Searched; <see cref="SearchOutcome.Results"/> may still be empty.</summary>
    Searched,

    /// <summary>Nothing typed: show how to search.</summary>
    EmptyQuery,

    /// <summary>Refused; see <see cref="SearchOutcome.Problem"/>.</summary>
    Invalid,

    /// <summary>The index is being built: 「検索は一時的に利用できません（索引を再構築中です）」.</summary>
    Unavailable,
}

public sealed record SearchOutcome(SearchStatus Status, SearchRequest Request, SearchTerms Terms)
{
    public SearchProblem? Problem { get; init; }

    public SearchResultPage Results { get; init; } = new(0, []);

    /// <summary>When filters left nothing: how many the same words find without filters (for a hint).</summary>
    public int? UnfilteredTotal { get; init; }
}

/// <summary>A department or year the search can be narrowed to.</summary>
public sealed record SearchFilterOption(string Value, string Label);

/// <summary>
/// The public search: published content only (external index). Validates filters against
/// what is published, so an unknown department is an error, not silently "no results".
/// </summary>
public sealed class SiteSearch(SearchIndexer indexer, PublishedContentCache cache, IEnumerable<ISearchQueryExpansion> expansions)
{
    private volatile ExampleHits? exampleHits;

    public const string UnavailableMessage = "検索は一時的に利用できません（索引を再構築中です）。しばらくしてから、もう一度お試しください。";

    public IReadOnlyList<SearchFilterOption> Departments() =>
        cache.Current.Departments.Select(d => new SearchFilterOption(d.Slug, d.Name)).ToList();

    public IReadOnlyList<SearchFilterOption> Years() =>
        cache.Current.Departments.SelectMany(d => d.Years).Select(y => y.Year).Distinct().OrderDescending()
            .Select(y => new SearchFilterOption(y.ToString(CultureInfo.InvariantCulture), JapaneseFiscalYear.Label(y)))
            .ToList();

    public static IReadOnlyList<SearchFilterOption> Types() =>
        SearchResultTypes.All.Select(t => new SearchFilterOption(t.Value, t.Label)).ToList();

    public SearchOutcome Search(SearchRequest request)
    {
        var cleaned = SearchTerms.Clean(request.Query);
        var length = SearchTerms.LengthOf(cleaned);

        // An over-long query is refused before analysis, so its size costs nothing.
        var terms = SearchTerms.Parse(length > SearchTerms.MaxLength ? "" : cleaned, expansions.FirstOrDefault());
        if (length > SearchTerms.MaxLength)
        {
            return Invalid("query_too_long", $"検索する言葉は{SearchTerms.MaxLength}文字以内で入力してください（いまは{length:N0}文字です）。");
        }

        var department = Blank(request.Department);
        if (department is not null && !Departments().Any(d => d.Value == department))
        {
            return Invalid("unknown_department", "指定された部局は見つかりません。部局の一覧から選んでください。");
        }

        int? year = null;
        if (Blank(request.Year) is { } yearText)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) || !Years().Any(y => y.Value == parsed.ToString(CultureInfo.InvariantCulture)))
            {
                return Invalid("unknown_year", "指定された年度は見つかりません。年度の一覧から選んでください（例：2024 は令和6年度）。");
            }

            year = parsed;
        }

        var type = Blank(request.Type);
        if (type is not null && !SearchResultTypes.IsKnown(type))
        {
            return Invalid("unknown_type", $"指定された種類は見つかりません。{string.Join("・", SearchResultTypes.All.Select(t => $"{t.Value}（{t.Label}）"))} から選んでください。");
        }

        if (terms.Text.Length == 0)
        {
            return new SearchOutcome(SearchStatus.EmptyQuery, request, terms);
        }

        var criteria = new SearchCriteria(terms, department, year, type, request.Skip, request.Take);
        try
        {
            var results = SearchExecutor.Run(indexer.External, criteria);
            int? unfiltered = null;
            if (results.Total == 0 && criteria.HasFilters)
            {
                unfiltered = SearchExecutor.Run(indexer.External, new SearchCriteria(terms, Take: 1)).Total;
            }

            return new SearchOutcome(SearchStatus.Searched, request, terms) { Results = results, UnfilteredTotal = unfiltered };
        }
        catch (SearchUnavailableException)
        {
            return new SearchOutcome(SearchStatus.Unavailable, request, terms) { Problem = new SearchProblem("search_unavailable", UnavailableMessage) };
        }

        SearchOutcome Invalid(string code, string message) =>
            new(SearchStatus.Invalid, request, terms) { Problem = new SearchProblem(code, message) };
    }

    /// <summary>
    /// The example searches that find something in the published index as it is now. Counted once per
    /// index commit (a publish, a rebuild), not on every empty or no-results page.
    /// </summary>
    public IReadOnlyList<string> ExamplesWithResults(IReadOnlyList<string> examples)
    {
        long indexVersion;
        try
        {
            indexVersion = indexer.External.Search(searcher => ((DirectoryReader)searcher.IndexReader).Version);
        }
        catch (SearchUnavailableException)
        {
            return [];
        }

        var cached = exampleHits;
        if (cached is not null && cached.IndexVersion == indexVersion && ReferenceEquals(cached.Examples, examples))
        {
            return cached.Found;
        }

        var found = examples.Where(Finds).ToList();
        exampleHits = new ExampleHits(indexVersion, examples, found);
        return found;
    }

    /// <summary>Whether the published index has a match for <paramref name="example"/>, analysed as <see cref="Search"/> analyses a query.</summary>
    private bool Finds(string example)
    {
        try
        {
            return SearchExecutor.Any(indexer.External, SearchTerms.Parse(SearchTerms.Clean(example), expansions.FirstOrDefault()));
        }
        catch (SearchUnavailableException)
        {
            return false;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The examples that found something at one version of the published index.</summary>
internal sealed record ExampleHits(long IndexVersion, IReadOnlyList<string> Examples, IReadOnlyList<string> Found);
