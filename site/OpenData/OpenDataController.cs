using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Api;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.OpenData;

/// <summary>The open-data page and its downloads, served from the bytes made at publish time.</summary>
public sealed class OpenDataController(OpenDataFiles files, IOptions<ApiOptions> api) : Controller
{
    public const string PagePath = "/opendata/";

    [HttpGetOrHead("/opendata")]
    [OutputCache(PolicyName = PublicSiteExtensions.PublishedPagePolicy)]
    public IActionResult Index()
    {
        var path = Request.Path.Value ?? "/";
        if (!path.EndsWith('/'))
        {
            return RedirectPermanent(path + "/" + Request.QueryString);
        }

        // The page shows file sizes and counts, which change with every publish.
        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(ContentCacheTags.Listings);
        ViewData[nameof(PageMeta)] = new PageMeta(
            "オープンデータ",
            "上田市の重点目標をCSVとJSONでダウンロードできます。利用条件と列の説明を掲載しています。",
            PagePath)
        {
            Breadcrumbs = [new("ホーム", "/"), new("オープンデータ", null)],
        };
        return View(files.Current);
    }

    [HttpGetOrHead("/opendata/goals.csv")]
    [EnableCors(DeliveryApiExtensions.CorsPolicy)]
    public IActionResult GoalsCsv() => Download(files.Current.GoalsCsv, asAttachment: true);

    [HttpGetOrHead("/opendata/goals.json")]
    [EnableCors(DeliveryApiExtensions.CorsPolicy)]
    public IActionResult GoalsJson() => Download(files.Current.GoalsJson, asAttachment: false);

    private CacheableContentResult Download(OpenDataFile file, bool asAttachment) =>
        new(file.Content, file.ContentType, file.ETag, TimeSpan.FromSeconds(api.Value.CacheMaxAgeSeconds))
        {
            DownloadFileName = asAttachment ? file.FileName : null,
        };
}
