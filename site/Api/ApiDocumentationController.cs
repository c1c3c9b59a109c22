using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Api.Payloads;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Content.ReadModel;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.Api;

/// <summary>What a developer reads first: the Japanese API page (/api/); the OpenAPI document is served by <see cref="DeliveryApiController"/>.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ApiDocumentationController(PublishedContentCache cache, IOptions<SiteOptions> site, IOptions<ApiOptions> api) : PublishedPageController
{
    [HttpGetOrHead("/api")]
    [OutputCache(PolicyName = PublicSiteExtensions.PublishedPagePolicy)]
    public IActionResult Index()
    {
        if (RedirectToTrailingSlash() is { } redirect)
        {
            return redirect;
        }

        TagListing(); // the examples name a real published goal, so they change with publishing
        ViewData[nameof(PageMeta)] = new PageMeta(
            "API（開発者向け）",
            "上田市の重点目標を JSON で読み出せる API の使い方です。公開中の内容だけを返します。",
            ApiPaths.Root)
        {
            Breadcrumbs = [new(Home, "/"), new("API（開発者向け）", null)],
        };
        return View("/Public/Views/Api/Index.cshtml", new ApiPageModel(cache.Current, site.Value.PublicOrigin, api.Value.CorsOrigins.Count > 0));
    }
}

/// <summary>What the API page needs: the published site for real examples and the origin to write them with.</summary>
public sealed record ApiPageModel(PublishedSite Site, string Origin, bool CrossOriginEnabled)
{
    private IEnumerable<PublishedGoal> Goals => Site.Departments.SelectMany(d => d.Years).SelectMany(y => y.Goals);

    /// <summary>A goal whose sheet has a KPI shows the most of the shape; any goal will do otherwise.</summary>
    public PublishedGoal? ExampleGoal =>
        Goals.FirstOrDefault(g => g.Content.Initiatives.Any(i => i.Measures.Any(m => m.Kpis.Count > 0))) ?? Goals.FirstOrDefault();

    public PublishedFiscalYear? ExampleYear => ExampleGoal?.Year;

    /// <summary>
    /// The example goal's real JSON, shortened to one initiative and one measure so the
    /// page stays readable; the page says so.
    /// </summary>
    public string? ExampleGoalJson()
    {
        if (ExampleGoal is not { } goal)
        {
            return null;
        }

        var payload = new PayloadMapper(Origin).Goal(goal);
        var initiative = payload.Initiatives.FirstOrDefault(i => i.Measures.Any(m => m.Kpis.Count > 0)) ?? payload.Initiatives.FirstOrDefault();
        var measure = initiative?.Measures.FirstOrDefault(m => m.Kpis.Count > 0) ?? initiative?.Measures.FirstOrDefault();
        var shortened = initiative is null
            ? payload
            : payload with { Initiatives = [initiative with { Measures = measure is null ? [] : [measure] }] };
        return System.Text.Encoding.UTF8.GetString(ApiJson.SerializeToUtf8(shortened, indented: true));
    }
}
