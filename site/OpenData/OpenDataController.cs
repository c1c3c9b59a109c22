using Microsoft.AspNetCore.Cors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using UedaPublicGoals.Api;
using UedaPublicGoals.Content.Publishing;
using UedaPublicGoals.Public;

namespace UedaPublicGoals.OpenData;

/// <summary>The open-data page and its downloads, served from the bytes made at publish time.</summary>
public sealed class OpenDataController(OpenDataFiles files, IOptions<ApiOptions> api) : PublishedPageController
{
    public const string PagePath = "/opendata/";

    [HttpGetOrHead("/opendata")]
    [OutputCache(PolicyName = PublicSiteExtensions.PublishedPagePolicy)]
    public IActionResult Index()
    {
        if (RedirectToTrailingSlash() is { } redirect)
        {
            return redirect;
        }

        TagListing(); // the page shows file sizes and counts, which change with every publish
        ViewData[nameof(PageMeta)] = new PageMeta(
            "オープンデータ",
            "上田市の重点目標をCSVとJSONでダウンロードできます。利用条件と列の説明を掲載しています。",
            PagePath)
        {
            Breadcrumbs = [new(Home, "/"), new("オープンデータ", null)],
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
        new(file.Pieces, file.ContentType, file.ETag, TimeSpan.FromSeconds(api.Value.CacheMaxAgeSeconds))
        {
            DownloadFileName = asAttachment ? file.FileName : null,
        };
}
