using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Kernel;
using UedaPublicGoals.Public;
using UedaPublicGoals.Search.Querying;

namespace UedaPublicGoals.Search;

/// <summary>
/// GET /search: a plain form and a results page that work without JavaScript.
/// Not output-cached on purpose: every query string would be its own cache entry (anyone can
/// fill the cache with unique URLs), hits would be rare, and a query on the in-memory
/// near-real-time reader costs about a millisecond. It also never shows a result that a
/// publish has just removed.
/// </summary>
public sealed class SearchController(SiteSearch search, IOptions<SearchOptions> options) : Controller
{
    public const int PageSize = 10;

    /// <summary>Pages past this are refused as "no results on this page" without searching deeper.</summary>
    private const int MaxPage = 1000;

    [HttpGetOrHead("/search")]
    public IActionResult Index(string? q, string? department, string? year, string? type, string? page)
    {
        var pageNumber = int.TryParse(page, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? Math.Clamp(parsed, 1, MaxPage) : 1;
        var outcome = search.Search(new SearchRequest(q, department, year, type, Paging.Offset(pageNumber, PageSize), PageSize));
        Response.StatusCode = outcome.Status switch
        {
            SearchStatus.Invalid => StatusCodes.Status400BadRequest,
            SearchStatus.Unavailable => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status200OK,
        };
        if (outcome.Status == SearchStatus.Unavailable)
        {
            Response.Headers.RetryAfter = "30";
        }

        var model = new SearchPageModel(outcome, pageNumber, PageSize, search.Departments(), search.Years(), SiteSearch.Types(), ExamplesWithResults(outcome));
        ViewData[nameof(PageMeta)] = new PageMeta(model.PageTitle, "上田市の重点目標・取組項目・報告・ページをキーワードで探せます。", "/search")
        {
            Breadcrumbs = [new("ホーム", "/"), new("サイト内検索", null)],
            NoIndex = true,
        };
        return View(model);
    }

    /// <summary>Example searches for the empty and no-results pages, only those that find something now.</summary>
    private IReadOnlyList<string> ExamplesWithResults(SearchOutcome outcome)
    {
        var needed = outcome.Status == SearchStatus.EmptyQuery || (outcome.Status == SearchStatus.Searched && outcome.Results.Total == 0);
        if (!needed)
        {
            return [];
        }

        return search.ExamplesWithResults(options.Value.ExampleQueries);
    }
}

/// <summary>What the search page shows, with the URLs it links to.</summary>
public sealed record SearchPageModel(
    SearchOutcome Outcome,
    int PageNumber,
    int PageSize,
    IReadOnlyList<SearchFilterOption> Departments,
    IReadOnlyList<SearchFilterOption> Years,
    IReadOnlyList<SearchFilterOption> Types,
    IReadOnlyList<string> Examples)
{
    /// <summary>What was typed, minus control characters: shown back in the box and kept in paging links.</summary>
    public string Query => SearchTerms.Clean(Outcome.Request.Query);

    public int Total => Outcome.Results.Total;

    public int PageCount => (Total + PageSize - 1) / PageSize;

    public int FirstShown => Paging.Offset(PageNumber, PageSize) + 1;

    public int LastShown => FirstShown + Outcome.Results.Hits.Count - 1;

    /// <summary>The field a problem belongs to, so its message is shown next to it.</summary>
    public string? ProblemField => Outcome.Problem?.Code switch
    {
        "query_too_long" => "q",
        "unknown_department" => "department",
        "unknown_year" => "year",
        "unknown_type" => "type",
        _ => null,
    };

    public string PageTitle => Outcome.Status switch
    {
        SearchStatus.Searched when PageNumber > 1 => $"「{Outcome.Terms.Text}」の検索結果（{Total:N0}件・{PageNumber}ページ目）",
        SearchStatus.Searched => $"「{Outcome.Terms.Text}」の検索結果（{Total:N0}件）",
        SearchStatus.Invalid => "サイト内検索（入力内容をご確認ください）",
        _ => "サイト内検索",
    };

    public string UrlFor(int page) => Url(Query, Outcome.Request.Department, Outcome.Request.Year, Outcome.Request.Type, page);

    public string UrlWithoutFilters() => Url(Query, null, null, null, 1);

    public static string UrlForQuery(string query) => Url(query, null, null, null, 1);

    /// <summary>Page numbers to link, with null where a gap (…) goes: 1 … 4 5 [6] 7 8 … 20.</summary>
    public IReadOnlyList<int?> PageLinks()
    {
        var numbers = new SortedSet<int> { 1, PageCount };
        for (var p = PageNumber - 2; p <= PageNumber + 2; p++)
        {
            if (p >= 1 && p <= PageCount)
            {
                numbers.Add(p);
            }
        }

        var links = new List<int?>();
        var previous = 0;
        foreach (var number in numbers.Where(n => n >= 1))
        {
            if (number > previous + 1)
            {
                links.Add(null);
            }

            links.Add(number);
            previous = number;
        }

        return links;
    }

    private static string Url(string query, string? department, string? year, string? type, int page)
    {
        var parameters = new List<KeyValuePair<string, string?>> { new("q", query) };
        foreach (var (name, value) in new[] { ("department", department), ("year", year), ("type", type) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parameters.Add(new(name, value));
            }
        }

        if (page > 1)
        {
            parameters.Add(new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString("/search", parameters);
    }
}
