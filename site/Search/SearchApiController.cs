using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using UedaPublicGoals.Api;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Search;

/// <summary>
/// GET /api/v1/search?q=&amp;department=&amp;year=&amp;type=&amp;skip=&amp;take= over published content.
/// Every refusal is a JSON 400 with a stable code and a Japanese message; parameters are read
/// as text and parsed here, so no input can turn into a framework error page. CORS, HEAD,
/// ETag/304 and the JSON 500 come from <see cref="ApiControllerBase"/>, as for every /api/ endpoint.
/// </summary>
public sealed class SearchApiController(SiteSearch search) : ApiControllerBase
{
    public const int DefaultTake = 20;
    public const int MaxTake = 100;

    [HttpGetOrHead("/api/v1/search")]
    public IActionResult Get(string? q, string? department, string? year, string? type, string? skip, string? take)
    {
        if (!TryParse(take, DefaultTake, out var takeValue) || takeValue is < 1 or > MaxTake)
        {
            return Error(StatusCodes.Status400BadRequest, new SearchProblem("invalid_take", $"take は 1 から {MaxTake} までの整数で指定してください（省略時は {DefaultTake}）。"));
        }

        if (!TryParse(skip, 0, out var skipValue) || skipValue < 0)
        {
            return Error(StatusCodes.Status400BadRequest, new SearchProblem("invalid_skip", "skip は 0 以上の整数で指定してください（省略時は 0）。"));
        }

        var outcome = search.Search(new SearchRequest(q, department, year, type, skipValue, takeValue));
        switch (outcome.Status)
        {
            case SearchStatus.Invalid:
                return Error(StatusCodes.Status400BadRequest, outcome.Problem!);
            case SearchStatus.EmptyQuery:
                return Error(StatusCodes.Status400BadRequest, new SearchProblem("missing_query", "検索する言葉を q に指定してください。"));
            case SearchStatus.Unavailable:
                Response.Headers.RetryAfter = "30";
                return Error(StatusCodes.Status503ServiceUnavailable, outcome.Problem!);
        }

        return CacheableJson(new
        {
            query = outcome.Terms.Text,
            total = outcome.Results.Total,
            skip = skipValue,
            take = takeValue,
            results = outcome.Results.Hits.Select(hit => new
            {
                type = hit.Document.Type,
                title = hit.Document.Title,
                url = hit.Document.Url,
                breadcrumb = hit.Document.Breadcrumb,
                snippet = hit.SnippetHtml,
                department = hit.Document.Department,
                year = hit.Document.Year,
                updated = hit.Document.UpdatedUtc,
            }),
        });
    }

    /// <summary>Absent means the default; anything but plain digits (and a leading minus) is invalid.</summary>
    private static bool TryParse(string? text, int fallback, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static ApiErrorResult Error(int status, SearchProblem problem) => new(status, problem.Code, problem.Message);
}
