using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Api.Payloads;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Api;

/// <summary>
/// The read-only delivery API (/api/v1). Answers come from the in-memory published read
/// model only, so drafts can never leak and no request touches the database.
/// </summary>
public sealed class DeliveryApiController(PublishedContentCache cache, IOptions<SiteOptions> site, OpenApiDocument openApi) : ApiControllerBase
{
    [HttpGetOrHead(ApiPaths.Departments)]
    public IActionResult Departments() => CacheableJson(Mapper().Departments(cache.Current));

    /// <param name="year">The western fiscal year (2024) or the site's year slug (r6).</param>
    [HttpGetOrHead("/api/v1/departments/{department}/years/{year}/goals")]
    public IActionResult YearGoals(string department, string year)
    {
        var foundDepartment = cache.Current.FindDepartment(department);
        if (foundDepartment is null)
        {
            return ApiErrorResult.NotFound("指定された部局は見つかりません。");
        }

        var foundYear = FindYear(foundDepartment, year);
        if (foundYear is null)
        {
            return ApiErrorResult.NotFound("指定された年度の重点目標は見つかりません。年度は西暦（例：2024）か、サイトのURLと同じ表記（例：r6）で指定してください。");
        }

        return CacheableJson(Mapper().YearGoals(foundYear));
    }

    [HttpGetOrHead("/api/v1/goals/{id}")]
    public IActionResult Goal(string id)
    {
        if (!Guid.TryParse(id, out var documentId))
        {
            return new ApiErrorResult(
                StatusCodes.Status400BadRequest,
                ApiErrorCodes.InvalidId,
                "重点目標のIDの形式が正しくありません。IDはUUID形式（例：0f8fad5b-d9cb-469f-a165-70867728950e）で指定してください。");
        }

        var goal = cache.Current.FindGoal(documentId);
        return goal is null
            ? ApiErrorResult.NotFound("指定された重点目標は見つかりません。")
            : CacheableJson(Mapper().Goal(goal));
    }

    [HttpGetOrHead("/api/v1/pages/{slug}")]
    public IActionResult Page(string slug)
    {
        var page = cache.Current.FindPage(slug);
        return page is null
            ? ApiErrorResult.NotFound("指定されたページは見つかりません。")
            : CacheableJson(Mapper().Page(page));
    }

    [HttpGetOrHead(ApiPaths.OpenApiDocument)]
    public IActionResult OpenApi() => Cacheable(openApi.Content, ApiJson.ContentType, openApi.ETag);

    /// <summary>"2024" matches the western fiscal year, anything else the year's slug ("r6").</summary>
    internal static PublishedFiscalYear? FindYear(PublishedDepartment department, string year) =>
        int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var western)
            ? department.Years.FirstOrDefault(y => y.Year == western)
            : department.FindYear(year);

    private PayloadMapper Mapper() => new(site.Value.PublicOrigin);
}
